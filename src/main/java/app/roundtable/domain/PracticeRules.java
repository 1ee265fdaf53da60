package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.FORBIDDEN;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;

import java.nio.charset.StandardCharsets;

/**
 * The practice log between the sessions: in a follow-up, each member keeps short dated notes on
 * their own earlier commitments, recognised by series identity as for reporting a status. Nobody
 * writes, edits or removes a note on someone else's commitment, the facilitator included: a
 * private note is its author's alone, and a shared one is still their words.
 */
final class PracticeRules {
  private PracticeRules() {}

  static Verdict add(Session s, Member actor, Command.AddPracticeNote c, Context ctx) {
    Commitment k = previous(s, c.commitmentId());
    if (k == null) return Verdict.refuse(NOT_FOUND, "There is no such commitment from last session.");
    if (!k.madeEarlierBy(actor)) {
      return Verdict.refuse(FORBIDDEN, "That commitment is someone else's: only its author keeps notes on it.");
    }
    Verdict bad = text(c.text());
    if (bad != null) return bad;
    if (k.notes.size() >= Limits.PRACTICE_NOTES_PER_COMMITMENT) {
      return Verdict.refuse(LIMIT_EXCEEDED, "This commitment already has as many notes as allowed.");
    }
    String text = c.text().strip();
    if (bytesOf(s, k.ownerHash) + bytes(text) > Limits.PRACTICE_NOTE_BYTES_PER_MEMBER) return full();
    k.notes.add(new PracticeNote(Ids.next(ctx.random()), text, ctx.now(), c.shared()));
    return Verdict.CHANGED;
  }

  static Verdict edit(Session s, Member actor, Command.EditPracticeNote c, Context ctx) {
    Commitment k = holding(s, c.noteId());
    if (k == null) return notFound();
    if (!k.madeEarlierBy(actor)) return notYours();
    PracticeNote n = note(k, c.noteId());
    String text = n.text;
    if (c.text() != null) {
      Verdict bad = text(c.text());
      if (bad != null) return bad;
      text = c.text().strip();
    }
    boolean shared = c.shared() == null ? n.shared : c.shared();
    if (text.equals(n.text) && shared == n.shared) return Verdict.UNCHANGED;
    if (bytesOf(s, k.ownerHash) - bytes(n.text) + bytes(text) > Limits.PRACTICE_NOTE_BYTES_PER_MEMBER) return full();
    n.text = text;
    n.shared = shared;
    return Verdict.CHANGED;
  }

  static Verdict remove(Session s, Member actor, Command.RemovePracticeNote c) {
    Commitment k = holding(s, c.noteId());
    if (k == null) return notFound();
    if (!k.madeEarlierBy(actor)) return notYours();
    k.notes.remove(note(k, c.noteId()));
    return Verdict.CHANGED;
  }

  private static Verdict text(String text) {
    if (Checks.blank(text)) return Verdict.refuse(BAD_REQUEST, "A note can't be empty.");
    if (Checks.chars(text.strip()) > Limits.PRACTICE_NOTE_CHARS) {
      return Verdict.refuse(LIMIT_EXCEEDED, "A note is at most " + Limits.PRACTICE_NOTE_CHARS + " characters.");
    }
    return null;
  }

  /** The UTF-8 size of every note one person keeps, over all their earlier commitments. */
  private static int bytesOf(Session s, String ownerHash) {
    int n = 0;
    for (Commitment k : s.previous.commitments) {
      if (!ownerHash.equals(k.ownerHash)) continue;
      for (PracticeNote p : k.notes) n += bytes(p.text);
    }
    return n;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Commitment previous(Session s, String id) {
    if (s.previous == null) return null;
    for (Commitment k : s.previous.commitments) if (k.id.equals(id)) return k;
    return null;
  }

  /** The earlier commitment that holds the note, or null. */
  private static Commitment holding(Session s, String noteId) {
    if (s.previous == null) return null;
    for (Commitment k : s.previous.commitments) if (note(k, noteId) != null) return k;
    return null;
  }

  private static PracticeNote note(Commitment k, String id) {
    for (PracticeNote n : k.notes) if (n.id.equals(id)) return n;
    return null;
  }

  private static Verdict notFound() {
    return Verdict.refuse(NOT_FOUND, "There is no such note.");
  }

  private static Verdict notYours() {
    return Verdict.refuse(FORBIDDEN, "That note is someone else's.");
  }

  private static Verdict full() {
    return Verdict.refuse(LIMIT_EXCEEDED, "Your practice notes are as long as allowed in all; shorten or remove one.");
  }
}
