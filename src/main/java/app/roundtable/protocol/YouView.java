package app.roundtable.protocol;

import app.roundtable.domain.Commitment;
import app.roundtable.domain.Idea;
import app.roundtable.domain.Member;
import app.roundtable.domain.PracticeNote;
import app.roundtable.domain.Session;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/**
 * One member's private view: only ever sent to that member's own connections. {@link Fingerprints}
 * sits beside it because it must read exactly what {@link #write} reads.
 */
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
    g.writeNumberField("votesLeft", s.votesLeft(m));
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
    // v1.2: the member's private practice notes; their shared ones are in the public state.
    g.writeArrayFieldStart("myPracticeNotes");
    if (s.previous != null) {
      for (Commitment c : s.previous.commitments) {
        if (!c.madeEarlierBy(m)) continue;
        for (PracticeNote n : c.notes) {
          if (n.shared) continue;
          g.writeStartObject();
          g.writeStringField("id", n.id);
          g.writeStringField("commitmentId", c.id);
          g.writeStringField("text", n.text);
          g.writeNumberField("at", n.at);
          g.writeBooleanField("shared", false);
          g.writeEndObject();
        }
      }
    }
    g.writeEndArray();
    if (m.facilitator) writeRoomMembers(g, s, m);
    g.writeEndObject();
  }

  /**
   * v1.2, the facilitator's only: each room member's board as the facilitator works it for them —
   * votes left, and of their dots and ideas only those this facilitator entered (as with a paper
   * note, they know those anyway). A facilitator who takes over mid-round sees none of the last
   * one's entries, so the role moving never tells anyone who wrote what.
   */
  private static void writeRoomMembers(JsonGenerator g, Session s, Member fac) throws IOException {
    g.writeArrayFieldStart("roomMembers");
    for (Member r : s.members.values()) {
      if (r.removed || !r.inRoom) continue;
      g.writeStartObject();
      g.writeStringField("memberId", r.id);
      g.writeNumberField("votesLeft", s.votesLeft(r));
      g.writeObjectFieldStart("myVotes");
      for (Map.Entry<String, Integer> v : r.votesPlacedBy(fac.id).entrySet()) g.writeNumberField(v.getKey(), v.getValue());
      g.writeEndObject();
      g.writeArrayFieldStart("myIdeas");
      for (Idea i : s.board.ideas) {
        if (!r.id.equals(i.authorId) || !fac.id.equals(i.enteredBy)) continue;
        g.writeStartObject();
        g.writeStringField("id", i.id);
        g.writeStringField("text", i.text);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * Cheap fingerprints of what each member's view is made of (role, votes, own ideas, own earlier
   * commitments and their private notes; for the facilitator, the room members' boards), for one
   * version: a view is written out only when its fingerprint moved. Whatever {@link #write} reads
   * must be mixed in here too, or a change of it would not reach the member. The per-author part is
   * computed once per version, on first use.
   */
  public static final class Fingerprints {
    private final Session s;
    private Map<String, Long> authored;

    public Fingerprints(Session s) {
      this.s = s;
    }

    /** The fingerprint of {@code memberId}'s view; 0 when the member is gone. */
    public long of(String memberId) {
      Member m = s.member(memberId);
      if (m == null) return 0;
      long h = mix(m.facilitator ? 1 : 2) + s.board.votesPerMember;
      for (Map.Entry<String, Integer> v : m.votes.entrySet()) h = mix(h * 31 + v.getKey().hashCode()) + v.getValue();
      if (s.previous != null) {
        for (Commitment c : s.previous.commitments) {
          if (!c.madeEarlierBy(m)) continue;
          h = mix(h * 31 + c.id.hashCode());
          for (PracticeNote n : c.notes) {
            if (!n.shared) h = mix(mix(h * 31 + n.id.hashCode()) + n.text.hashCode()) + n.at;
          }
        }
      }
      h = mix(h * 31 + authored().getOrDefault(memberId, 7L));
      return m.facilitator ? mix(h * 31 + roomMembers(m)) : h;
    }

    /** What {@link #writeRoomMembers} reads for this facilitator. */
    private long roomMembers(Member fac) {
      long h = 11;
      for (Member r : s.members.values()) {
        if (r.removed || !r.inRoom) continue;
        h = mix(h * 31 + r.id.hashCode()) + r.votesCast();
        for (Map.Entry<String, Integer> v : r.votesPlacedBy(fac.id).entrySet()) {
          h = mix(h * 31 + v.getKey().hashCode()) + v.getValue();
        }
      }
      for (Idea i : s.board.ideas) {
        if (fac.id.equals(i.enteredBy)) h = mix(mix(h * 31 + i.id.hashCode()) + i.text.hashCode() + i.authorId.hashCode());
      }
      return h;
    }

    private Map<String, Long> authored() {
      if (authored == null) {
        authored = new java.util.HashMap<>();
        for (Idea i : s.board.ideas) {
          if (i.authorId == null) continue;
          long h = mix(mix(i.id.hashCode()) + i.text.hashCode());
          authored.merge(i.authorId, h, (a, b) -> mix(a * 31 + b));
        }
      }
      return authored;
    }
  }

  /** A 64-bit hash of a written view: tells two successive views of one member apart. */
  public static long hash(String json) {
    long h = 0;
    for (int i = 0; i < json.length(); i++) h = mix(h * 31 + json.charAt(i));
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
