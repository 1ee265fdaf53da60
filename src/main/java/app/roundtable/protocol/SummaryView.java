package app.roundtable.protocol;

import app.roundtable.domain.AgendaItem;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Commitment;
import app.roundtable.domain.Facilitation;
import app.roundtable.domain.FinishedRound;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Member;
import app.roundtable.domain.PracticeNote;
import app.roundtable.domain.Rota;
import app.roundtable.domain.Session;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("code", s.code);
      g.writeStringField("title", s.title);
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

  public static String markdown(Session s, long now) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(line(s.title)).append("\n\n");
    b.append("Status: ").append(Wire.name(s.status)).append("\n\n");
    b.append("## Agenda\n\n| Item | Planned | Actual | Status |\n|---|---|---|---|\n");
    for (AgendaItem i : s.agenda.items) {
      b.append("| ").append(cell(i.title)).append(" | ").append(i.minutes).append(" min | ")
          .append(minutes(spent(i, now))).append(" | ").append(Wire.name(i.status)).append(" |\n");
    }
    b.append("\n## Speaking balance\n\n| Member | Turns | Time spoken |\n|---|---|---|\n");
    for (Member m : s.members.values()) {
      if (m.removed) continue;
      b.append("| ").append(cell(m.name)).append(" | ").append(m.turns).append(" | ")
          .append(minutes(m.spokenMs)).append(" |\n");
    }
    b.append("\n![Speaking record: time spoken and turns per member](")
        .append(SpeakingChart.dataUri(s)).append(")\n");
    b.append("\n## Facilitation\n\n");
    for (Facilitation.Earlier e : Rota.sessions(s)) {
      b.append("- ").append(line(e.title)).append(": ");
      b.append(e.facilitators.isEmpty() ? "nobody" : line(String.join(", ", e.facilitators))).append('\n');
    }
    b.append("\n## Idea board\n");
    List<RankedIdea> current = ideas(s);
    int round = 0;
    for (FinishedRound r : s.board.rounds) {
      b.append("\n### Round ").append(++round).append("\n");
      ideaList(b, r.prompt, ideas(r));
    }
    if (round == 0 || !current.isEmpty()) {
      if (round > 0) b.append("\n### Round ").append(round + 1).append(" (current)\n");
      ideaList(b, s.board.prompt, current);
    }
    b.append("\n## Commitments\n\n");
    commitments(b, s.commitments);
    if (s.previous != null) {
      b.append("\n## From \"").append(line(s.previous.title)).append("\"\n\n");
      commitments(b, s.previous.commitments);
    }
    return b.toString();
  }

  private static void commitments(StringBuilder b, List<Commitment> list) {
    if (list.isEmpty()) b.append("None.\n");
    for (Commitment c : list) {
      b.append("- **").append(line(c.name)).append("**: ").append(line(c.text))
          .append(" (").append(Wire.name(c.status)).append(')');
      if (c.note != null && !c.note.isEmpty()) b.append(" — ").append(line(c.note));
      b.append('\n');
      // The practice log's shared notes only: a private note is never in the record.
      for (PracticeNote n : c.notes) {
        if (n.shared) b.append("  - ").append(day(n.at)).append(": ").append(line(n.text)).append('\n');
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
  }

  private static void ideaList(StringBuilder b, String prompt, List<RankedIdea> ideas) {
    b.append('\n');
    if (!prompt.isEmpty()) b.append("Prompt: ").append(line(prompt)).append("\n\n");
    if (ideas.isEmpty()) b.append("No revealed ideas.\n");
    for (RankedIdea r : ideas) {
      b.append("- ").append(line(r.text));
      if (r.group != null) b.append(" _(").append(line(r.group)).append(")_");
      if (r.votes != null) b.append(" — ").append(r.votes).append(r.votes == 1 ? " vote" : " votes");
      b.append('\n');
    }
  }

  /** An idea as the record shows it; {@code votes} null when its round never reached results. */
  private record RankedIdea(String text, String group, Integer votes) {}

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

  /**
   * What renderers turn into a live link without any markup (GitHub's autolinks): a scheme's URL
   * ({@code https://…}, any {@code x://}), {@code www.…}, {@code mailto:}/{@code xmpp:}, an e-mail address. Never a backtick, pipe or angle bracket inside, so the code
   * span it becomes needs no escaping of its own, in a paragraph or a table cell alike.
   */
  private static final java.util.regex.Pattern BARE_LINK = java.util.regex.Pattern.compile(
      "(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bwww\\.|\\b(?:mailto|xmpp):)[^\\s`|<>]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

  /**
   * Member text on one line, with Markdown's active characters escaped, and every bare link put in
   * a code span: the record shows what was written, and nobody's text becomes a link in it.
   */
  private static String line(String s) {
    if (s == null) return "";
    String text = s.replace('\n', ' ');
    StringBuilder b = new StringBuilder();
    java.util.regex.Matcher m = BARE_LINK.matcher(text);
    int at = 0;
    while (m.find()) {
      escape(b, text.substring(at, m.start()));
      b.append('`').append(m.group()).append('`');
      at = m.end();
    }
    escape(b, text.substring(at));
    return b.toString();
  }

  private static void escape(StringBuilder b, String s) {
    for (char c : s.toCharArray()) {
      if ("\\`*_{}[]<>()#+-!|".indexOf(c) >= 0) b.append('\\');
      b.append(c);
    }
  }

  private static String cell(String s) {
    return line(s);
  }
}
