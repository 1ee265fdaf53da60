package app.roundtable.domain;

import static app.roundtable.domain.Refusal.Reason.BAD_REQUEST;
import static app.roundtable.domain.Refusal.Reason.LIMIT_EXCEEDED;
import static app.roundtable.domain.Refusal.Reason.NOT_FOUND;

/** The agenda: planned items, at most one active, with the time each actually took. */
final class AgendaRules {
  private AgendaRules() {}

  static Verdict add(Session s, Command.AddAgendaItem c, Context ctx) {
    Limits limits = ctx.limits();
    Verdict bad = Checks.text(c.title(), "An item title", limits);
    if (bad == null) bad = Checks.range(c.minutes(), 1, limits.maxItemMinutes(), "Minutes");
    if (bad == null) bad = Checks.length(c.prompt(), "The prompt", limits);
    if (bad != null) return bad;
    if (s.agenda.items.size() >= limits.maxAgendaItems()) {
      return Verdict.refuse(LIMIT_EXCEEDED, "The agenda is full.");
    }
    int size = s.agenda.items.size();
    int position = c.position() == null ? size : c.position();
    if (position < 0 || position > size) return Verdict.refuse(BAD_REQUEST, "That position is outside the agenda.");
    ItemKind kind = c.kind() == null ? ItemKind.DISCUSSION : c.kind();
    AgendaItem item = new AgendaItem(Ids.next(ctx.random()), c.title().strip(), kind, c.minutes());
    item.prompt = c.prompt() == null ? "" : c.prompt().strip();
    s.agenda.items.add(position, item);
    return Verdict.CHANGED;
  }

  /**
   * Changing the active item's minutes leaves its running timer alone, and changing its kind or
   * prompt leaves the room as it is: the facilitator owns the timer, the queue and the board.
   */
  static Verdict update(Session s, Command.UpdateAgendaItem c, Context ctx) {
    AgendaItem item = s.agenda.item(c.itemId());
    if (item == null) return notFound();
    Verdict bad = c.title() == null ? null : Checks.text(c.title(), "An item title", ctx.limits());
    if (bad == null && c.minutes() != null) {
      bad = Checks.range(c.minutes(), 1, ctx.limits().maxItemMinutes(), "Minutes");
    }
    if (bad == null) bad = Checks.length(c.prompt(), "The prompt", ctx.limits());
    if (bad != null) return bad;
    boolean changed = false;
    if (c.title() != null && !c.title().strip().equals(item.title)) {
      item.title = c.title().strip();
      changed = true;
    }
    if (c.minutes() != null && c.minutes() != item.minutes) {
      item.minutes = c.minutes();
      changed = true;
    }
    if (c.kind() != null && c.kind() != item.kind) {
      item.kind = c.kind();
      changed = true;
    }
    if (c.prompt() != null && !c.prompt().strip().equals(item.prompt)) {
      item.prompt = c.prompt().strip();
      changed = true;
    }
    return Verdict.changedIf(changed);
  }

  /** Removing the active item leaves the timer running: the conversation may well go on. */
  static Verdict remove(Session s, Command.RemoveAgendaItem c) {
    int k = s.agenda.indexOf(c.itemId());
    if (k < 0) return notFound();
    s.agenda.items.remove(k);
    if (c.itemId().equals(s.agenda.currentId)) s.agenda.currentId = null;
    return Verdict.CHANGED;
  }

  static Verdict move(Session s, Command.MoveAgendaItem c) {
    int from = s.agenda.indexOf(c.itemId());
    if (from < 0) return notFound();
    if (c.position() < 0 || c.position() >= s.agenda.items.size()) {
      return Verdict.refuse(BAD_REQUEST, "That position is outside the agenda.");
    }
    if (from == c.position()) return Verdict.UNCHANGED;
    s.agenda.items.add(c.position(), s.agenda.items.remove(from));
    return Verdict.CHANGED;
  }

  /** Starting the item that is already active would only restart its timer by surprise: no change. */
  static Verdict start(Session s, Command.StartAgendaItem c, Context ctx) {
    AgendaItem item = s.agenda.item(c.itemId());
    if (item == null) return notFound();
    if (item.id.equals(s.agenda.currentId)) return Verdict.UNCHANGED;
    endActive(s, ctx.now());
    activate(s, item, ctx);
    return Verdict.CHANGED;
  }

  static Verdict next(Session s, Context ctx) {
    boolean changed = endActive(s, ctx.now());
    AgendaItem next = null;
    for (AgendaItem i : s.agenda.items) {
      if (i.status == ItemStatus.PENDING) {
        next = i;
        break;
      }
    }
    if (next != null) {
      activate(s, next, ctx);
      return Verdict.CHANGED;
    }
    changed |= TimerRules.pause(s.timer, ctx.now());
    return Verdict.changedIf(changed);
  }

  /**
   * Marks the active item done, records the stretch it just ran and closes what its kind opened;
   * false when none was active.
   */
  static boolean endActive(Session s, long now) {
    AgendaItem active = s.agenda.currentId == null ? null : s.agenda.item(s.agenda.currentId);
    s.agenda.currentId = null;
    if (active == null) return false;
    active.status = ItemStatus.DONE;
    if (active.startedAt != null) active.spentMs += Math.max(0, now - active.startedAt);
    RoomSetup.leave(s, active, now);
    return true;
  }

  /** Starts the item in the same version as its room: the timer, and the round or board it calls for. */
  private static void activate(Session s, AgendaItem item, Context ctx) {
    item.status = ItemStatus.ACTIVE;
    item.startedAt = ctx.now();
    s.agenda.currentId = item.id;
    TimerRules.start(s.timer, item.minutes * 60_000L, ctx.now());
    RoomSetup.enter(s, item, ctx);
  }

  private static Verdict notFound() {
    return Verdict.refuse(NOT_FOUND, "There is no such agenda item.");
  }
}
