package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.FORBIDDEN;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;
import static app.roundtable.domain.Refusal.Reason.ROOM_LOCKED;
import static app.roundtable.domain.Refusal.Reason.SESSION_FULL;

/** Joining, leaving, names and the facilitator role. */
final class MembershipRules {
  private MembershipRules() {}

  static Verdict join(Session s, Command.Join c, Context ctx) {
    if (Checks.blank(c.memberId()) || Checks.blank(c.nodeId()) || s.members.containsKey(c.memberId())) {
      return Verdict.refuse(BAD_REQUEST, "That join can't be accepted.");
    }
    Verdict bad = Checks.name(c.name(), ctx.limits());
    if (bad != null) return bad;
    // A removed member's browser does not come straight back under a new name: it brings the same
    // series identity. (The key holder is never kept out of their own session.)
    if (c.keyHash() == null && c.seriesHash() != null && removedBrowser(s, c.seriesHash())) {
      return Verdict.refuse(FORBIDDEN, "You were removed from this session.");
    }
    if (c.keyHash() != null && !s.opensAsFacilitator(c.keyHash())) {
      return Verdict.refuse(FORBIDDEN, "That facilitator key isn't right.");
    }
    Member holder = s.keyHolder(c.keyHash());
    if (holder != null) return continueKeyHolder(s, holder, c);
    // Locked: no new name by the link. Members resume with their token (a Connect, not a Join),
    // and the key holder is never locked out of their own session.
    if (s.locked && c.keyHash() == null) {
      return Verdict.refuse(ROOM_LOCKED, "The facilitator has locked this session: nobody new can join.");
    }
    // The key holder always gets in: a full room must not lock out the person running it.
    if (c.keyHash() == null && activeMembers(s) >= ctx.limits().maxMembers()) {
      return Verdict.refuse(SESSION_FULL, "This session is full.");
    }
    Member m = new Member(c.memberId(), c.name().strip(), c.resumeHash(), ctx.now());
    m.presence.put(c.nodeId(), 1);
    m.seriesHash = c.seriesHash();
    m.keyHash = c.keyHash();
    if (c.keyHash() != null) {
      for (Member other : s.members.values()) other.facilitator = false;
      m.facilitator = true;
    }
    s.members.put(m.id, m);
    return Verdict.CHANGED;
  }

  /**
   * The key holder on another device (PROTOCOL.md v1.2): the same person, so the same member, with
   * their turns, commitments and name, now connected once more; never a second member. The key
   * always carries the role, so it comes back to them if it had moved. The resume token the edge
   * gives a key holder is the one their key derives, so it is this member's already; a member from
   * before tokens were derived gets it now (their other device stays connected).
   */
  private static Verdict continueKeyHolder(Session s, Member holder, Command.Join c) {
    if (Checks.blank(c.resumeHash())) return Verdict.refuse(BAD_REQUEST, "That join can't be accepted.");
    holder.presence.merge(c.nodeId(), 1, Integer::sum);
    holder.resumeHash = c.resumeHash();
    for (Member other : s.members.values()) other.facilitator = false;
    holder.facilitator = true;
    return Verdict.CHANGED;
  }

  /** Ends the turn and lowers the hand like a removal would, but the member may come back as they were. */
  static Verdict leave(Session s, Member actor, Context ctx) {
    boolean changed = QueueRules.takeOut(s, actor.id, ctx.now());
    changed |= !actor.presence.isEmpty();
    actor.presence.clear();
    return Verdict.changedIf(changed);
  }

  static Verdict rename(Session s, Member actor, Command.Rename c, Context ctx) {
    Verdict bad = Checks.name(c.name(), ctx.limits());
    if (bad != null) return bad;
    String name = c.name().strip();
    if (name.equals(actor.name)) return Verdict.UNCHANGED;
    actor.name = name;
    CommitmentRules.rename(s, actor);
    return Verdict.CHANGED;
  }

  /**
   * Someone in the room without a device: present until removed, no connection and no resume token
   * (nobody can take their place in the session), counted against the member limit like anyone.
   */
  static Verdict addRoomMember(Session s, Command.AddRoomMember c, Context ctx) {
    Verdict bad = Checks.name(c.name(), ctx.limits());
    if (bad != null) return bad;
    if (activeMembers(s) >= ctx.limits().maxMembers()) {
      return Verdict.refuse(SESSION_FULL, "This session is full.");
    }
    Member m = new Member(Ids.next(ctx.random()), c.name().strip(), null, ctx.now());
    m.inRoom = true;
    s.members.put(m.id, m);
    return Verdict.CHANGED;
  }

  /** Not to a room member: with no device, nobody could run the session until the key holder came back. */
  static Verdict handOff(Session s, Member actor, Command.HandOff c) {
    Member target = s.member(c.memberId());
    if (target == null) return noMember();
    if (target == actor) return Verdict.UNCHANGED;
    if (target.inRoom) {
      return Verdict.refuse(BAD_REQUEST, "Someone without a device can't hold the facilitator role.");
    }
    for (Member m : s.members.values()) m.facilitator = false;
    target.facilitator = true;
    return Verdict.CHANGED;
  }

  /**
   * The member's ideas and votes stay (taking them away would show what was theirs); their
   * commitments go, since those are public and carry their name.
   */
  static Verdict remove(Session s, Member actor, Command.RemoveMember c, Context ctx) {
    if (actor.id.equals(c.memberId())) {
      return Verdict.refuse(BAD_REQUEST, "You can't remove yourself; hand off the role or leave.");
    }
    Member target = s.member(c.memberId());
    if (target == null) return noMember();
    QueueRules.takeOut(s, target.id, ctx.now());
    target.removed = true;
    target.facilitator = false;
    target.inRoom = false;
    target.presence.clear();
    CommitmentRules.removeAllOf(s, target.id);
    return Verdict.CHANGED;
  }

  private static boolean removedBrowser(Session s, String seriesHash) {
    for (Member m : s.members.values()) if (m.removed && seriesHash.equals(m.seriesHash)) return true;
    return false;
  }

  /** Members who count against the limit: removed ones don't, offline ones do (they may resume). */
  static int activeMembers(Session s) {
    int n = 0;
    for (Member m : s.members.values()) if (!m.removed) n++;
    return n;
  }

  private static Verdict noMember() {
    return Verdict.refuse(NOT_FOUND, "There is no such member.");
  }
}
