package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.protocol.CloseReason;
import app.roundtable.protocol.Frames;
import app.roundtable.protocol.YouView;
import app.roundtable.store.Deadlines;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * What one joined socket has been shown of its session: the highest version, and its member's
 * private view (so {@code you} goes out only when it changed). Decides what a welcome, a delivery
 * and a sync send, whether an ack goes now or waits for its version, and when the session is over
 * for this socket. Made at the welcome, dropped when the socket leaves or closes. Runs on the
 * socket's event loop only.
 *
 * <p>A command's reply from the store can come before the store delivers that version here (the
 * in-process stores answer at once and deliver on the loop's next turn; Redis replies and
 * publishes on different connections). Its ack then waits in this feed so the client sees the
 * state before the ack that names it, and goes out in the same flush as that state. A store that
 * may skip a version (Redis pub/sub, {@code SessionStore#deliversEveryVersion}) gets a fallback: an
 * ack whose version has not come within {@link #MAX_ACK_WAIT_MS} goes out anyway (the client syncs
 * on the gap).
 */
final class SessionFeed {
  /** How long an ack may wait for its version before it goes out anyway, when versions may be skipped. */
  static final long MAX_ACK_WAIT_MS = 2000;

  private final SocketWriter out;
  /** Times out acks whose version may never come; null when every version comes. */
  private final Deadlines lateAcks;
  /** This socket's context: late acks go out there. */
  private final Context ctx = Vertx.currentContext();
  /** Acks (and requests' answers) waiting for their version, oldest first; empty nearly always. */
  private final List<Owed> owed = new ArrayList<>(0);
  private final Ending ending;

  /**
   * How the socket ends once its session is over for it: {@code closed} then the close, right away
   * or after the answer to the command in flight (the facilitator's {@code endSession} is acked
   * before {@code closed ended}).
   */
  interface Ending {
    void over(CloseReason reason);
  }
  /** Null for a display. */
  private final String memberId;
  /** Null for a member: the display's id, gone from the session once the facilitator removed it. */
  private final String displayId;
  /** Highest version this socket has been sent (welcome, state or sync). */
  private long sentVersion;
  /** Hash of the private view last sent ({@link YouView#hash}). */
  private long lastYou;
  /** Fingerprint of the private view at the last delivery; the view is written only when it moves. */
  private long lastYouFingerprint = Long.MIN_VALUE;

  /** {@code frame}: the ack or answer, written when it began to wait. */
  private record Owed(String frame, long version) {}

  /**
   * Sends the welcome of {@code s}, the version that includes the join. {@code lateAcks} is null
   * when the store delivers every version.
   */
  SessionFeed(SocketWriter out, Deadlines lateAcks, Session s, String memberId, String displayId, String resume,
      long now, Ending ending) {
    this.ending = ending;
    this.displayId = displayId;
    this.out = out;
    this.lateAcks = lateAcks;
    this.memberId = memberId;
    this.sentVersion = s.version;
    String you = memberId == null ? null : YouView.json(s, memberId);
    lastYou = you == null ? 0 : YouView.hash(you);
    out.send(Frames.welcome(s, memberId, displayId, resume, now, you));
  }

  /**
   * A new version: the shared state frame, the private view if it changed, the acks it releases,
   * all in one flush. Returns false once the session is over for this socket (it was closed).
   */
  boolean deliver(Delivery d) {
    if (d.session.version <= sentVersion) return true; // its welcome or a sync already showed it this or newer
    sentVersion = d.session.version;
    return out.corked(() -> {
      out.sendShared(d.sharedFrame);
      if (memberId != null) {
        long fingerprint = d.fingerprint(memberId);
        if (fingerprint != lastYouFingerprint) {
          lastYouFingerprint = fingerprint;
          String you = d.you(memberId);
          long hash = you == null ? lastYou : YouView.hash(you);
          if (hash != lastYou) {
            lastYou = hash;
            out.send(Frames.you(d.session.version, you));
          }
        }
      }
      ackSent();
      return !closeIfOver(d.session);
    });
  }

  /** A fresh state and private view, whatever was sent before (the client saw a gap). */
  boolean sync(Session s, String id) {
    sentVersion = Math.max(sentVersion, s.version);
    out.send(Frames.state(s));
    String you = memberId == null ? null : YouView.json(s, memberId);
    if (you != null) {
      lastYou = YouView.hash(you);
      out.send(Frames.you(s.version, you));
    }
    if (id != null) out.send(Frames.ack(id, s.version));
    ackSent();
    return !closeIfOver(s);
  }

  /** Acks a command applied as {@code version}: now, or once that version was sent here. */
  void ackWhenSent(String id, long version) {
    sendWhenSent(Frames.ack(id, version), version);
  }

  /** Sends an answer that names {@code version} (an ack, a request's answer) once that version was sent here. */
  void sendWhenSent(String frame, long version) {
    if (version <= sentVersion) {
      out.send(frame);
      return;
    }
    Owed o = new Owed(frame, version);
    owed.add(o);
    if (lateAcks != null) lateAcks.after(MAX_ACK_WAIT_MS, () -> ctx.runOnContext(v -> sendLate(o)));
  }

  /** Sends the waiting answers whose version this socket has now been sent. */
  private void ackSent() {
    if (owed.isEmpty()) return;
    owed.removeIf(o -> {
      boolean due = o.version <= sentVersion;
      if (due) out.send(o.frame);
      return due;
    });
  }

  /** {@code late}'s version never came: it goes out now, with any answer that has waited longer. */
  private void sendLate(Owed late) {
    int i = 0;
    while (i < owed.size() && owed.get(i) != late) i++;
    if (i == owed.size()) return; // its version came meanwhile
    List<Owed> due = owed.subList(0, i + 1);
    for (Owed o : due) out.send(o.frame);
    due.clear();
  }

  /** Sends {@code closed} and closes (now or, see {@link Ending}, once the command in flight was answered) when the session ended or this member or display was removed. */
  private boolean closeIfOver(Session s) {
    CloseReason reason = null;
    if (s.isEnded()) reason = CloseReason.ENDED;
    else if (memberId != null && s.member(memberId) == null) reason = CloseReason.REMOVED;
    else if (displayId != null && !s.connectedDisplays.containsKey(displayId)) reason = CloseReason.DISPLAY_REMOVED;
    if (reason == null) return false;
    ending.over(reason);
    return true;
  }
}
