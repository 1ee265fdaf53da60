package app.roundtable.protocol;

import app.roundtable.domain.Refusal;
import app.roundtable.domain.Session;
import app.roundtable.domain.SummaryFormat;

/** Server → client messages, each written exactly as PROTOCOL.md spells it. */
public final class Frames {
  private Frames() {}

  /** The public state of one version: the same text goes to every connection of the session. */
  public static String state(Session s) {
    return Json.write(g -> writeState(g, s));
  }

  /** The same frame as {@link #state}, as UTF-8 bytes (what the fan-out writes to sockets). */
  public static byte[] stateUtf8(Session s) {
    return Json.writeUtf8(g -> writeState(g, s));
  }

  /**
   * The same bytes as {@link #stateUtf8}, lent to {@code take} for the length of the call (the
   * fan-out frames them for the wire and keeps only that copy).
   */
  public static <T> T stateUtf8(Session s, Utf8Taker<T> take) {
    return Json.writeUtf8(g -> writeState(g, s), take);
  }

  private static void writeState(com.fasterxml.jackson.core.JsonGenerator g, Session s) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("type", Wire.STATE);
    g.writeNumberField("v", s.version);
    g.writeFieldName("state");
    StateView.write(g, s);
    g.writeEndObject();
  }

  /** {@code you} frame from a view already written by {@link YouView#json}. */
  public static String you(long v, String youJson) {
    return "{\"type\":\"" + Wire.YOU + "\",\"v\":" + v + ",\"you\":" + youJson + "}";
  }

  /**
   * memberId and resume are null for a display. {@code youJson} is the member's private view as
   * written by {@link YouView#json} (written once by the caller, who also remembers it), or null.
   */
  public static String welcome(Session s, String memberId, String resume, long serverTime, String youJson) {
    return welcome(s, memberId, null, resume, serverTime, youJson);
  }

  /** {@code displayId}: a display's own id (it shows it, so the facilitator can tell it apart); null for a member. */
  public static String welcome(Session s, String memberId, String displayId, String resume, long serverTime,
      String youJson) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", Wire.WELCOME);
      g.writeStringField("memberId", memberId);
      if (displayId != null) g.writeStringField("displayId", displayId);
      g.writeStringField("resume", resume);
      g.writeNumberField("serverTime", serverTime);
      g.writeNumberField("v", s.version);
      g.writeFieldName("state");
      StateView.write(g, s);
      g.writeFieldName("you");
      if (youJson == null) g.writeNull();
      else g.writeRawValue(youJson);
      g.writeEndObject();
    });
  }

  public static String ack(String id, long v) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", Wire.ACK);
      g.writeStringField("id", id);
      g.writeNumberField("v", v);
      g.writeEndObject();
    });
  }

  public static String error(String id, Refusal refusal) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", Wire.ERROR);
      if (id != null) g.writeStringField("id", id);
      g.writeStringField("code", Wire.code(refusal.reason()));
      g.writeStringField("message", refusal.message());
      g.writeEndObject();
    });
  }

  /**
   * The session's record for the connection that asked: {@code body} is the summary object as
   * {@link SummaryView#json} wrote it, or the Markdown text.
   */
  public static String summary(String id, SummaryFormat format, String body) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", Wire.SUMMARY);
      g.writeStringField("id", id);
      g.writeStringField("format", Wire.name(format));
      g.writeFieldName("body");
      if (format == SummaryFormat.MARKDOWN) g.writeString(body);
      else g.writeRawValue(body);
      g.writeEndObject();
    });
  }

  /** The follow-up just created, for its creator alone: the only time its key is ever sent. */
  public static String followUp(String id, String code, String joinUrl, String displayUrl, String facilitatorKey) {
    return Json.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", Wire.FOLLOW_UP);
      g.writeStringField("id", id);
      g.writeStringField("code", code);
      g.writeStringField("joinUrl", joinUrl);
      g.writeStringField("displayUrl", displayUrl);
      g.writeStringField("facilitatorKey", facilitatorKey);
      g.writeEndObject();
    });
  }

  public static String pong(long t, long serverTime) {
    return "{\"type\":\"" + Wire.PONG + "\",\"t\":" + t + ",\"serverTime\":" + serverTime + "}";
  }

  /** The {@code closed} message announcing {@code reason} (an {@link CloseReason#announced} one). */
  public static String closed(CloseReason reason) {
    return "{\"type\":\"" + Wire.CLOSED + "\",\"reason\":\"" + reason.text + "\"}";
  }
}
