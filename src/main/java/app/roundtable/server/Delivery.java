package app.roundtable.server;

import app.roundtable.domain.Session;
import app.roundtable.protocol.YouView;
import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;

/**
 * One version on its way to the connections of one event loop: the shared state frame (the same
 * buffer for every socket) and each member's private view, written on first request and then
 * reused by that member's other sockets. Built by {@link LocalSession} once per version; lives
 * only while the version is handed out. Runs on its event loop only.
 */
final class Delivery {
  final Session session;
  /** The state message as framed wire bytes; every connection writes a duplicate of it. */
  final ByteBuf sharedFrame;
  private final YouView.Fingerprints fingerprints;
  private final Map<String, String> views = new HashMap<>();

  Delivery(Session session, ByteBuf sharedFrame) {
    this.session = session;
    this.sharedFrame = sharedFrame;
    this.fingerprints = new YouView.Fingerprints(session);
  }

  /** Changes whenever {@code memberId}'s private view may have changed (see {@link YouView.Fingerprints}). */
  long fingerprint(String memberId) {
    return fingerprints.of(memberId);
  }

  /** {@code memberId}'s private view, written at most once per version; null when the member is gone. */
  String you(String memberId) {
    return views.computeIfAbsent(memberId, id -> YouView.json(session, id));
  }
}
