package app.roundtable.store;

import app.roundtable.domain.Session;
import app.roundtable.protocol.Utf8Scratch;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The whole internal {@link Session} (private parts included) as compact UTF-8 JSON, for stores
 * that keep sessions outside the JVM. Never sent to clients: the protocol package projects views.
 *
 * <p>Mapping: fields only, never getters (the domain's helper methods such as {@code online()} are
 * not properties); the domain's classes have public fields, its records private ones, so fields of
 * any visibility count. Records go through their canonical constructors, enums by name. Nulls are written, so a field that is
 * deliberately null never decodes to its constructor default. Unknown properties are ignored, so a
 * node running older code can still read state written by a newer one.
 *
 * <p>{@code version} is always the first property: the Redis apply script reads it with an anchored
 * match ({@link #VERSION_PREFIX}) instead of decoding the whole document.
 */
public final class SessionCodec {
  /** Every encoded session starts with these bytes, followed by the version's digits. */
  public static final String VERSION_PREFIX = "{\"version\":";

  /**
   * Field names are not canonicalised: member, idea and node ids are map keys here, so every
   * session adds new names, and the shared symbol table was copied on almost every decode (a fifth
   * of all allocation in the Redis benchmark).
   */
  private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
          .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
          .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
          // Emoji stored as their 4 UTF-8 bytes, not two 6-byte escapes (see protocol's Json).
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build())
      .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS)
      .disable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addMixIn(Session.class, VersionFirst.class);

  private SessionCodec() {}

  public static byte[] encode(Session session) {
    // Into the thread's scratch buffer, then one exact copy: writeValueAsBytes grew a buffer of its
    // own and copied it out, three times the session's size in garbage per change.
    Utf8Scratch out = Utf8Scratch.start();
    write(session, out);
    return out.copy();
  }

  /**
   * The length of {@link #encode}'s bytes, without keeping them: the in-memory store needs only the
   * size (for the cap and the resident total), not the bytes.
   */
  public static int size(Session session) {
    Utf8Scratch out = Utf8Scratch.start();
    write(session, out);
    return out.length();
  }

  private static void write(Session session, java.io.OutputStream out) {
    try {
      MAPPER.writeValue(out, session);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode session " + session.code, e);
    }
  }

  /** Fails with {@link IllegalArgumentException} on bytes that are not an encoded session. */
  public static Session decode(byte[] json) {
    try {
      return MAPPER.readValue(json, Session.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not an encoded session: " + new String(json, 0, Math.min(json.length, 80), StandardCharsets.UTF_8), e);
    }
  }

  public static Session decode(Buffer json) {
    return decode(json.getBytes());
  }

  @JsonPropertyOrder({"version"})
  private abstract static class VersionFirst {}
}
