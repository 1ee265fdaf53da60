package app.roundtable.protocol;

import app.roundtable.domain.AgendaItem;
import app.roundtable.domain.BoardGroups;
import app.roundtable.domain.BoardPhase;
import app.roundtable.domain.Commitment;
import app.roundtable.domain.Display;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Member;
import app.roundtable.domain.PracticeNote;
import app.roundtable.domain.Rota;
import app.roundtable.domain.Session;
import app.roundtable.domain.SpeakingQueue;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * The public state: identical for every connection, so it is written once per version. Nothing
 * here may tell who wrote an idea or cast a vote: ideas carry only id, text, group and (in results)
 * their total; their order is the board's shuffled order; during writing only the count shows.
 * {@code voted} is a count of voters, and {@code groups} (results only) are sums of public totals.
 */
public final class StateView {
  private StateView() {}

  public static void write(JsonGenerator g, Session s) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", s.code);
    g.writeStringField("title", s.title);
    g.writeStringField("status", Wire.name(s.status));
    g.writeNumberField("createdAt", s.createdAt);
    g.writeArrayFieldStart("groundRules");
    for (String r : s.groundRules) g.writeString(r);
    g.writeEndArray();
    g.writeArrayFieldStart("members");
    for (Member m : s.members.values()) {
      if (m.removed) continue;
      g.writeStartObject();
      g.writeStringField("id", m.id);
      g.writeStringField("name", m.name);
      g.writeBooleanField("facilitator", m.facilitator);
      g.writeBooleanField("online", m.online());
      g.writeBooleanField("inRoom", m.inRoom);
      g.writeNumberField("turns", m.turns);
      g.writeNumberField("spokenMs", m.spokenMs);
      g.writeBooleanField("handRaised", s.queue.isWaiting(m.id));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("displays", s.displayCount());
    // Ids and join times only: the facilitator tells the room's projector from one that should
    // not be there (each display page shows its own id) and removes it.
    g.writeArrayFieldStart("displayList");
    for (Map.Entry<String, Display> d : s.connectedDisplays.entrySet()) {
      g.writeStartObject();
      g.writeStringField("id", d.getKey());
      g.writeNumberField("joinedAt", d.getValue().joinedAt());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("locked", s.locked);
    writeAgenda(g, s);
    writeTimer(g, s);
    writeQueue(g, s.queue);
    writeBoard(g, s);
    g.writeArrayFieldStart("commitments");
    for (Commitment c : s.commitments) writeCommitment(g, c);
    g.writeEndArray();
    writeFacilitation(g, s);
    g.writeObjectFieldStart("fairness");
    g.writeBooleanField("visible", s.fairnessVisible);
    g.writeEndObject();
    if (s.previous == null) {
      g.writeNullField("previous");
    } else {
      g.writeObjectFieldStart("previous");
      g.writeStringField("title", s.previous.title);
      g.writeArrayFieldStart("commitments");
      for (Commitment c : s.previous.commitments) writeEarlierCommitment(g, c);
      g.writeEndArray();
      g.writeEndObject();
    }
    writeSeries(g, s);
    g.writeEndObject();
  }

  /** v1.2: where the group meets next, and when this session is planned to meet. */
  private static void writeSeries(JsonGenerator g, Session s) throws IOException {
    if (s.followUp == null) {
      g.writeNullField("followUp");
    } else {
      g.writeObjectFieldStart("followUp");
      g.writeStringField("code", s.followUp.code());
      g.writeStringField("joinUrl", s.followUp.joinUrl());
      g.writeStringField("displayUrl", s.followUp.displayUrl());
      Json.nullableNumber(g, "at", s.followUp.at());
      g.writeEndObject();
    }
    if (s.scheduled == null) {
      g.writeNullField("scheduled");
    } else {
      g.writeObjectFieldStart("scheduled");
      g.writeNumberField("at", s.scheduled.at);
      g.writeNumberField("minutes", s.scheduled.minutes);
      g.writeEndObject();
    }
  }

  /**
   * A commitment carried into a follow-up, with its shared practice notes (v1.2). Private notes are
   * skipped without a trace: no count, no gap, no placeholder, so nothing here moves when one is
   * written, edited or removed.
   */
  static void writeEarlierCommitment(JsonGenerator g, Commitment c) throws IOException {
    g.writeStartObject();
    commitmentFields(g, c);
    g.writeArrayFieldStart("notes");
    for (PracticeNote n : c.notes) {
      if (!n.shared) continue;
      g.writeStartObject();
      g.writeStringField("id", n.id);
      g.writeStringField("text", n.text);
      g.writeNumberField("at", n.at);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeAgenda(JsonGenerator g, Session s) throws IOException {
    g.writeObjectFieldStart("agenda");
    g.writeStringField("currentId", s.agenda.currentId);
    g.writeArrayFieldStart("items");
    for (AgendaItem i : s.agenda.items) {
      g.writeStartObject();
      g.writeStringField("id", i.id);
      g.writeStringField("title", i.title);
      g.writeStringField("kind", Wire.name(i.kind));
      g.writeStringField("prompt", i.prompt == null ? "" : i.prompt);
      g.writeNumberField("minutes", i.minutes);
      g.writeStringField("status", Wire.name(i.status));
      if (i.startedAt != null) g.writeNumberField("startedAt", i.startedAt);
      g.writeNumberField("spentMs", i.spentMs);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeFacilitation(JsonGenerator g, Session s) throws IOException {
    g.writeObjectFieldStart("facilitation");
    g.writeArrayFieldStart("history");
    for (String name : Rota.history(s)) g.writeString(name);
    g.writeEndArray();
    g.writeStringField("suggested", Rota.suggested(s));
    g.writeEndObject();
  }

  private static void writeTimer(JsonGenerator g, Session s) throws IOException {
    g.writeObjectFieldStart("timer");
    g.writeBooleanField("running", s.timer.running);
    g.writeNumberField("durationMs", s.timer.durationMs);
    Json.nullableNumber(g, "endsAt", s.timer.endsAt);
    g.writeNumberField("remainingMs", s.timer.remainingMs);
    g.writeEndObject();
  }

  private static void writeQueue(JsonGenerator g, SpeakingQueue q) throws IOException {
    g.writeObjectFieldStart("queue");
    g.writeStringField("policy", Wire.name(q.policy));
    g.writeNumberField("turnLimitSec", q.turnLimitSec);
    g.writeBooleanField("round", q.round);
    if (q.speaker == null) {
      g.writeNullField("speaker");
    } else {
      g.writeObjectFieldStart("speaker");
      g.writeStringField("memberId", q.speaker.memberId());
      g.writeNumberField("startedAt", q.speaker.startedAt());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("waiting");
    for (SpeakingQueue.Hand h : q.waiting) g.writeString(h.memberId());
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeBoard(JsonGenerator g, Session s) throws IOException {
    BoardPhase phase = s.board.phase;
    g.writeObjectFieldStart("board");
    g.writeStringField("phase", Wire.name(phase));
    g.writeStringField("prompt", s.board.prompt);
    g.writeNumberField("votesPerMember", s.board.votesPerMember);
    g.writeNumberField("ideaCount", s.board.ideas.size());
    g.writeNumberField("voted", s.voted());
    g.writeArrayFieldStart("ideas");
    if (phase.ideasVisible()) {
      int[] totals = phase == BoardPhase.RESULTS ? s.voteTotals() : null;
      for (int k = 0; k < s.board.ideas.size(); k++) {
        Idea i = s.board.ideas.get(k);
        g.writeStartObject();
        g.writeStringField("id", i.id);
        g.writeStringField("text", i.text);
        if (i.group != null) g.writeStringField("group", i.group);
        if (totals != null) g.writeNumberField("votes", totals[k]);
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    if (phase == BoardPhase.RESULTS) {
      g.writeArrayFieldStart("groups");
      for (BoardGroups.Group<String> group : BoardGroups.of(s)) {
        g.writeStartObject();
        g.writeStringField("label", group.label());
        g.writeNumberField("votes", group.votes());
        g.writeArrayFieldStart("ideaIds");
        for (String id : group.ideas()) g.writeString(id);
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void writeCommitment(JsonGenerator g, Commitment c) throws IOException {
    g.writeStartObject();
    commitmentFields(g, c);
    g.writeEndObject();
  }

  private static void commitmentFields(JsonGenerator g, Commitment c) throws IOException {
    g.writeStringField("id", c.id);
    g.writeStringField("memberId", c.memberId);
    g.writeStringField("name", c.name);
    g.writeStringField("text", c.text);
    g.writeStringField("status", Wire.name(c.status));
    g.writeStringField("note", c.note == null ? "" : c.note);
  }
}
