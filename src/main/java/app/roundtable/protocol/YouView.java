package app.roundtable.protocol;

import app.roundtable.domain.Commitment;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Member;
import app.roundtable.domain.Session;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** One member's private view: only ever sent to that member's own connections. */
public final class YouView {
  private YouView() {}

  /** The view as JSON text, or null when the member is gone (removed or unknown). */
  public static String json(Session s, String memberId) {
    Member m = s.member(memberId);
    if (m == null) return null;
    return Json.write(g -> write(g, s, m));
  }

  static void write(JsonGenerator g, Session s, Member m) throws IOException {
    g.writeStartObject();
    g.writeStringField("memberId", m.id);
    g.writeBooleanField("facilitator", m.facilitator);
    g.writeNumberField("votesLeft", Math.max(0, s.board.votesPerMember - m.votesCast()));
    g.writeObjectFieldStart("myVotes");
    for (Map.Entry<String, Integer> v : m.votes.entrySet()) {
      if (v.getValue() > 0) g.writeNumberField(v.getKey(), v.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("myIdeas");
    for (Idea i : s.board.ideas) {
      if (!m.id.equals(i.authorId)) continue;
      g.writeStartObject();
      g.writeStringField("id", i.id);
      g.writeStringField("text", i.text);
      g.writeEndObject();
    }
    g.writeEndArray();
    // v1.1: the earlier session's commitments this member made, which they may report on.
    g.writeArrayFieldStart("myPrevious");
    if (s.previous != null) {
      for (Commitment c : s.previous.commitments) if (c.madeEarlierBy(m)) g.writeString(c.id);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
