package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.FORBIDDEN;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;

import java.util.Objects;

/**
 * Commitments: public promises with their author's name. Each member writes only their own; in a
 * follow-up session a member reports on last time's as the same person of the series (their
 * {@link Member#seriesHash}), never by name: names are free to choose and to change.
 */
final class CommitmentRules {
  private CommitmentRules() {}

  static Verdict add(Session s, Member actor, Command.AddCommitment c, Context ctx) {
    Verdict bad = Checks.text(c.text(), "A commitment", ctx.limits());
    if (bad != null) return bad;
    int mine = 0;
    for (Commitment k : s.commitments) if (k.memberId.equals(actor.id)) mine++;
    if (mine >= ctx.limits().maxCommitmentsPerMember()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "You already have as many commitments as allowed.");
    }
    s.commitments.add(new Commitment(Ids.next(ctx.random()), actor.id, actor.name, c.text().strip()));
    return Verdict.CHANGED;
  }

  static Verdict edit(Session s, Member actor, Command.EditCommitment c, Context ctx) {
    Commitment k = find(s, c.commitmentId());
    if (k == null) return notFound();
    if (!mayWrite(s, actor, k)) return notYours();
    Verdict bad = Checks.text(c.text(), "A commitment", ctx.limits());
    if (bad != null) return bad;
    String text = c.text().strip();
    String name = s.members.get(k.memberId).name;
    if (text.equals(k.text) && name.equals(k.name)) return Verdict.UNCHANGED;
    k.text = text;
    k.name = name;
    return Verdict.CHANGED;
  }

  static Verdict remove(Session s, Member actor, Command.RemoveCommitment c) {
    Commitment k = find(s, c.commitmentId());
    if (k == null) return notFound();
    if (!mayWrite(s, actor, k)) return notYours();
    s.commitments.remove(k);
    return Verdict.CHANGED;
  }

  /**
   * Own commitments of this session, or last session's ones their author made (or any of them for
   * the facilitator, who may record the report for someone who couldn't come or lost their device).
   */
  static Verdict setStatus(Session s, Member actor, Command.SetCommitmentStatus c, Context ctx) {
    if (c.status() == null) return Verdict.refuse(BAD_REQUEST, "Choose a status.");
    Verdict bad = Checks.length(c.note(), "The note", ctx.limits());
    if (bad != null) return bad;
    Commitment k = find(s, c.commitmentId());
    if (k != null) {
      if (!mayWrite(s, actor, k)) return notYours();
    } else {
      k = findPrevious(s, c.commitmentId());
      if (k == null) return notFound();
      if (!actor.facilitator && !k.madeEarlierBy(actor)) return notYours();
    }
    String note = c.note() == null ? k.note : c.note().strip();
    if (c.status() == k.status && Objects.equals(note, k.note)) return Verdict.UNCHANGED;
    k.status = c.status();
    k.note = note;
    return Verdict.CHANGED;
  }

  /** A renamed member's commitments follow the new name. */
  static void rename(Session s, Member m) {
    for (Commitment k : s.commitments) if (k.memberId.equals(m.id)) k.name = m.name;
  }

  static void removeAllOf(Session s, String memberId) {
    s.commitments.removeIf(k -> k.memberId.equals(memberId));
  }

  /** Own commitments; the facilitator also keeps those of room members, who have no device. */
  private static boolean mayWrite(Session s, Member actor, Commitment k) {
    if (k.memberId.equals(actor.id)) return true;
    Member owner = s.member(k.memberId);
    return actor.facilitator && owner != null && owner.inRoom;
  }

  private static Commitment find(Session s, String id) {
    for (Commitment k : s.commitments) if (k.id.equals(id)) return k;
    return null;
  }

  private static Commitment findPrevious(Session s, String id) {
    if (s.previous == null) return null;
    for (Commitment k : s.previous.commitments) if (k.id.equals(id)) return k;
    return null;
  }

  private static Verdict notFound() {
    return Verdict.refuse(NOT_FOUND, "There is no such commitment.");
  }

  private static Verdict notYours() {
    return Verdict.refuse(FORBIDDEN, "That commitment belongs to someone else.");
  }
}
