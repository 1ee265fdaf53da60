package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.FORBIDDEN;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;

import java.util.function.Function;

/**
 * Commands a member sends for themself, or the facilitator sends for someone else (PROTOCOL.md
 * v1.1 "Hybrid rooms"): the facilitator moderates the queue and acts for room members, who have no
 * device. Everyone else may name only themself; naming another member is {@code forbidden}, whoever
 * that is, so the refusal tells a member nothing about the session they couldn't already see.
 */
final class ActingFor {
  private ActingFor() {}

  /** Applies {@code rule} to the member the command is for: {@code memberId}, or the sender when null. */
  static Verdict anyMember(Session s, Member actor, String memberId, Function<Member, Verdict> rule) {
    if (memberId == null || memberId.equals(actor.id)) return rule.apply(actor);
    if (!actor.facilitator) return forbidden();
    Member target = s.member(memberId);
    if (target == null) return Verdict.refuse(NOT_FOUND, "There is no such member.");
    return rule.apply(target);
  }

  /** As {@link #anyMember}, but for someone else only a room member: people with a device write their own. */
  static Verdict roomMember(Session s, Member actor, String memberId, Function<Member, Verdict> rule) {
    return roomMember(s, actor, memberId, "Members with a device write their own commitments.", rule);
  }

  /**
   * As {@link #roomMember(Session, Member, String, Function)}, refusing a member with a device with
   * {@code ownDevice}: for ideas and votes this is also what keeps them anonymous, as only a room
   * member's paper note passes through the facilitator's hands.
   */
  static Verdict roomMember(Session s, Member actor, String memberId, String ownDevice,
      Function<Member, Verdict> rule) {
    return anyMember(s, actor, memberId, target -> target == actor || target.inRoom
        ? rule.apply(target)
        : Verdict.refuse(FORBIDDEN, ownDevice));
  }

  private static Verdict forbidden() {
    return Verdict.refuse(FORBIDDEN, "Only the facilitator can act for someone else.");
  }
}
