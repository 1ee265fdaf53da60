package app.roundtable.domain;

import app.roundtable.domain.SpeakingQueue.Hand;
import java.util.ArrayList;
import java.util.List;

/**
 * The agenda runs the room (PROTOCOL.md v1.1): starting an item sets up what its kind needs, in the
 * same change that starts it, so the facilitator moves the whole group with one command and no
 * client ever sees a half-started item. Leaving a round item ends the round.
 */
final class RoomSetup {
  private RoomSetup() {}

  static void enter(Session s, AgendaItem item, Context ctx) {
    if (item.kind == ItemKind.ROUND) startRound(s, ctx);
    else if (item.kind == ItemKind.BOARD) openBoard(s, item);
  }

  static void leave(Session s, AgendaItem item, long now) {
    if (item.kind != ItemKind.ROUND) return;
    QueueRules.endTurn(s, now);
    s.queue.waiting.clear();
    s.queue.round = false;
  }

  /**
   * Everyone present (online or in the room) speaks once, in an order nobody chose. The current
   * turn ends first so that the round starts with a free floor; a present member whose hand was
   * already up is queued once, as part of the round, so the round's order is the shuffle's and not
   * who raised first. Hands of members who are away stay where they were.
   */
  private static void startRound(Session s, Context ctx) {
    QueueRules.endTurn(s, ctx.now());
    List<String> present = new ArrayList<>();
    for (Member m : s.members.values()) if (!m.removed && m.online()) present.add(m.id);
    s.queue.waiting.removeIf(h -> present.contains(h.memberId()));
    QueueRules.shuffle(present, ctx);
    for (String id : present) s.queue.waiting.add(new Hand(id, ctx.now(), s.raiseSeq++, true));
    QueueRules.settle(s, ctx.now());
  }

  /**
   * Opens a closed board for writing under the item's prompt. A board already under way (writing,
   * or ideas on show) is left exactly as it is: its ideas were written to its own prompt.
   */
  private static void openBoard(Session s, AgendaItem item) {
    if (s.board.phase != BoardPhase.CLOSED) return;
    s.board.phase = BoardPhase.WRITING;
    if (!Checks.blank(item.prompt)) s.board.prompt = item.prompt;
  }
}
