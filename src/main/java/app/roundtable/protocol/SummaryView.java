package app.roundtable.protocol;

import app.roundtable.domain.AgendaItem;
import app.roundtable.domain.BoardGroups;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Commitment;
import app.roundtable.domain.Facilitation;
import app.roundtable.domain.FinishedRound;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Language;
import app.roundtable.domain.Member;
import app.roundtable.domain.PracticeNote;
import app.roundtable.domain.Rota;
import app.roundtable.domain.Session;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The session's record for the facilitator: agenda with planned and actual times, speaking
 * balance, revealed ideas with their votes, commitments. Ideas appear only once revealed and stay
 * anonymous here too; votes only once the board reached results. Board rounds cleared after a
 * reveal stay in the record as {@code board.rounds}, oldest first.
 */
public final class SummaryView {
  private SummaryView() {}

  public static String json(Session s, long now) {
    return json(s, now, ZoneOffset.UTC);
  }

  /** As {@link #json(Session, long)}, with the session's {@code date} as a day in {@code zone}. */
  public static String json(Session s, long now, ZoneId zone) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("code", s.code);
      g.writeStringField("title", s.title);
      g.writeStringField("language", Wire.name(Language.of(s.language)));
      g.writeStringField("date", DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(Instant.ofEpochMilli(heldAt(s))));
      g.writeStringField("status", Wire.name(s.status));
      g.writeNumberField("createdAt", s.createdAt);
      g.writeNumberField("updatedAt", s.updatedAt);
      g.writeArrayFieldStart("agenda");
      for (AgendaItem i : s.agenda.items) {
        g.writeStartObject();
        g.writeStringField("title", i.title);
        g.writeStringField("kind", Wire.name(i.kind));
        g.writeStringField("prompt", i.prompt == null ? "" : i.prompt);
        g.writeStringField("status", Wire.name(i.status));
        g.writeNumberField("plannedMinutes", i.minutes);
        g.writeNumberField("actualMs", spent(i, now));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("speaking");
      for (Member m : s.members.values()) {
        if (m.removed) continue;
        g.writeStartObject();
        g.writeStringField("name", m.name);
        g.writeNumberField("turns", m.turns);
        g.writeNumberField("spokenMs", m.spokenMs);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("facilitation");
      for (Facilitation.Earlier e : Rota.sessions(s)) {
        g.writeStartObject();
        g.writeStringField("title", e.title);
        g.writeArrayFieldStart("facilitators");
        for (String name : e.facilitators) g.writeString(name);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("board");
      g.writeStringField("prompt", s.board.prompt);
      writeIdeas(g, ideas(s));
      g.writeArrayFieldStart("rounds");
      for (FinishedRound r : s.board.rounds) {
        g.writeStartObject();
        g.writeStringField("prompt", r.prompt);
        writeIdeas(g, ideas(r));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("commitments");
      for (Commitment c : s.commitments) StateView.writeCommitment(g, c);
      g.writeEndArray();
      if (s.previous != null) {
        g.writeObjectFieldStart("previous");
        g.writeStringField("title", s.previous.title);
        g.writeArrayFieldStart("commitments");
        for (Commitment c : s.previous.commitments) StateView.writeEarlierCommitment(g, c);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  /** The record as Markdown, in the session's own language, the date as a day in UTC. */
  public static String markdown(Session s, long now) {
    return markdown(s, now, Language.of(s.language), ZoneOffset.UTC);
  }

  /** The record as Markdown with its headings in {@code language}; members' words as they wrote them. */
  public static String markdown(Session s, long now, Language language) {
    return markdown(s, now, language, ZoneOffset.UTC);
  }

  /** As {@link #markdown(Session, long, Language)}, with the date as a day in {@code zone}. */
  public static String markdown(Session s, long now, Language language, ZoneId zone) {
    SummaryWords w = SummaryWords.of(language);
    StringBuilder b = new StringBuilder();
    b.append("# ").append(MarkdownText.heading(s.title)).append("\n\n");
    b.append(w.date()).append(": ").append(w.day(heldAt(s), zone)).append("  \n");
    b.append(w.status()).append(": ").append(w.status(s.status)).append("\n\n");
    b.append("## ").append(w.agenda()).append("\n\n| ").append(w.item()).append(" | ").append(w.planned())
        .append(" | ").append(w.actual()).append(" | ").append(w.status()).append(" |\n|---|---|---|---|\n");
    for (AgendaItem i : s.agenda.items) {
      b.append("| ").append(MarkdownText.cell(i.title)).append(" | ").append(i.minutes).append(' ').append(w.minutes())
          .append(" | ").append(minutes(spent(i, now))).append(" | ").append(w.status(i.status)).append(" |\n");
    }
    b.append("\n## ").append(w.speaking()).append("\n\n| ").append(w.member()).append(" | ").append(w.turns())
        .append(" | ").append(w.timeSpoken()).append(" |\n|---|---|---|\n");
    for (Member m : s.members.values()) {
      if (m.removed) continue;
      b.append("| ").append(MarkdownText.cell(m.name)).append(" | ").append(m.turns).append(" | ")
          .append(minutes(m.spokenMs)).append(" |\n");
    }
    b.append("\n## ").append(w.facilitation()).append("\n\n");
    for (Facilitation.Earlier e : Rota.sessions(s)) {
      b.append("- ").append(MarkdownText.block(e.title)).append(": ");
      b.append(e.facilitators.isEmpty() ? w.nobody() : MarkdownText.inline(String.join(", ", e.facilitators))).append('\n');
    }
    b.append("\n## ").append(w.board()).append("\n");
    List<RankedIdea> current = ideas(s);
    int round = 0;
    for (FinishedRound r : s.board.rounds) {
      b.append("\n### ").append(String.format(w.round(), ++round)).append("\n");
      ideaList(b, w, r.prompt, ideas(r), r.voted);
    }
    if (round == 0 || !current.isEmpty()) {
      if (round > 0) b.append("\n### ").append(String.format(w.round(), round + 1)).append(' ').append(w.current()).append("\n");
      ideaList(b, w, s.board.prompt, current, s.board.phase == BoardPhase.RESULTS);
    }
    b.append("\n## ").append(w.commitments()).append("\n\n");
    commitments(b, w, s.commitments);
    if (s.previous != null) {
      b.append("\n## ").append(String.format(w.from(), MarkdownText.inline(s.previous.title))).append("\n\n");
      commitments(b, w, s.previous.commitments);
    }
    return b.toString();
  }

  /**
   * The day the session was held: when its first agenda item started, or, if none has, when it
   * was created. Follow-ups made ahead are held on the day they start, not the day they were made.
   */
  static long heldAt(Session s) {
    long first = Long.MAX_VALUE;
    for (AgendaItem i : s.agenda.items) if (i.startedAt != null) first = Math.min(first, i.startedAt);
    return first == Long.MAX_VALUE ? s.createdAt : first;
  }

  private static void commitments(StringBuilder b, SummaryWords w, List<Commitment> list) {
    if (list.isEmpty()) b.append(w.none()).append('\n');
    for (Commitment c : list) {
      b.append("- **").append(MarkdownText.inline(c.name)).append("**: ").append(MarkdownText.inline(c.text))
          .append(" (").append(w.status(c.status)).append(')');
      if (c.note != null && !c.note.isEmpty()) b.append(" — ").append(MarkdownText.inline(c.note));
      b.append('\n');
      // The practice log's shared notes only: a private note is never in the record.
      for (PracticeNote n : c.notes) {
        if (n.shared) b.append("  - ").append(day(n.at)).append(": ").append(MarkdownText.inline(n.text)).append('\n');
      }
    }
  }

  private static void writeIdeas(JsonGenerator g, List<RankedIdea> ideas) throws IOException {
    g.writeArrayFieldStart("ideas");
    for (RankedIdea r : ideas) {
      g.writeStartObject();
      g.writeStringField("text", r.text);
      if (r.group != null) g.writeStringField("group", r.group);
      if (r.votes != null) g.writeNumberField("votes", r.votes);
      g.writeEndObject();
    }
    g.writeEndArray();
    // v1.2: the groups, ranked as the results rank them (by summed votes once voted).
    g.writeArrayFieldStart("groups");
    for (BoardGroups.Group<RankedIdea> group : BoardGroups.rank(ideas, RankedIdea::group, RankedIdea::votesOrZero)) {
      g.writeStartObject();
      g.writeStringField("label", group.label());
      if (!ideas.isEmpty() && ideas.get(0).votes != null) g.writeNumberField("votes", group.votes());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A round's ideas: once voted, groups and the ideas in no group ranked together by votes (a
   * group counts as one, with its ideas inside, most voted first); before that, groups first in
   * the order they were made, then the rest, as the group saw them.
   */
  private static void ideaList(StringBuilder b, SummaryWords w, String prompt, List<RankedIdea> ideas, boolean voted) {
    b.append('\n');
    if (!prompt.isEmpty()) b.append(w.prompt()).append(": ").append(MarkdownText.inline(prompt)).append("\n\n");
    if (ideas.isEmpty()) b.append(w.noIdeas()).append('\n');
    List<Entry> entries = new ArrayList<>();
    for (BoardGroups.Group<RankedIdea> g : BoardGroups.rank(ideas, RankedIdea::group, RankedIdea::votesOrZero)) {
      entries.add(new Entry(g.label(), g.votes(), g.ideas()));
    }
    for (RankedIdea r : ideas) if (r.group == null) entries.add(new Entry(null, r.votesOrZero(), List.of(r)));
    // Stable: equal totals keep groups before lone ideas, and each in the order above.
    if (voted) entries.sort(Comparator.comparingInt((Entry e) -> -e.votes));
    int n = 0;
    for (Entry e : entries) {
      String marker = voted ? (++n) + ". " : "- ";
      String indent = " ".repeat(marker.length());
      b.append(marker);
      if (e.label == null) {
        idea(b, w, e.ideas.get(0), voted);
        continue;
      }
      b.append("**").append(MarkdownText.inline(e.label)).append("** (").append(w.group()).append(')');
      if (voted) b.append(" — ").append(w.votes(e.votes));
      b.append('\n');
      for (RankedIdea r : e.ideas) {
        b.append(indent).append("- ");
        idea(b, w, r, voted);
      }
    }
  }

  private static void idea(StringBuilder b, SummaryWords w, RankedIdea r, boolean voted) {
    b.append(MarkdownText.block(r.text));
    if (voted) b.append(" — ").append(w.votes(r.votesOrZero()));
    b.append('\n');
  }

  /** One line of a ranked round: a group with its ideas, or one idea in no group ({@code label} null). */
  private record Entry(String label, int votes, List<RankedIdea> ideas) {}

  /** An idea as the record shows it; {@code votes} null when its round never reached results. */
  private record RankedIdea(String text, String group, Integer votes) {
    int votesOrZero() {
      return votes == null ? 0 : votes;
    }
  }

  /** A finished round, already ranked when it was archived. */
  private static List<RankedIdea> ideas(FinishedRound r) {
    List<RankedIdea> out = new ArrayList<>();
    for (FinishedRound.Entry e : r.ideas) out.add(new RankedIdea(e.text, e.group, r.voted ? e.votes : null));
    return out;
  }

  /** The current round's revealed ideas; with votes once results were shown, most voted first. */
  private static List<RankedIdea> ideas(Session s) {
    List<RankedIdea> out = new ArrayList<>();
    BoardPhase p = s.board.phase;
    if (!p.ideasVisible()) return out;
    int[] totals = p == BoardPhase.RESULTS ? s.voteTotals() : null;
    for (int k = 0; k < s.board.ideas.size(); k++) {
      Idea i = s.board.ideas.get(k);
      out.add(new RankedIdea(i.text, i.group, totals == null ? null : totals[k]));
    }
    if (totals != null) out.sort(Comparator.comparing((RankedIdea r) -> -r.votes));
    return out;
  }

  private static long spent(AgendaItem i, long now) {
    long ms = i.spentMs;
    if (i.startedAt != null && i.status == app.roundtable.domain.ItemStatus.ACTIVE) ms += Math.max(0, now - i.startedAt);
    return ms;
  }

  /** A note's date as the record shows it (UTC: the record has no time zone). */
  private static String day(long at) {
    return java.time.LocalDate.ofInstant(java.time.Instant.ofEpochMilli(at), java.time.ZoneOffset.UTC).toString();
  }

  static String minutes(long ms) {
    long sec = Math.round(ms / 1000.0);
    return sec / 60 + ":" + String.format("%02d", sec % 60);
  }

}
