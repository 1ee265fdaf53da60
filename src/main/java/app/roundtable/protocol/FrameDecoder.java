package app.roundtable.protocol;

import app.roundtable.domain.Limits;
import app.roundtable.domain.Refusal;
import app.roundtable.domain.Refusal.Reason;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a client's text frame once, at the edge: JSON object, known type, every field of the
 * right type and within its length. Unknown fields are ignored (clients may be newer than us).
 * Everything past this point works on typed commands only.
 */
public final class FrameDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ID_LENGTH = 64;
  /** A series identity is a client-made secret: long enough not to be guessed, short enough to bound. */
  static final int MIN_IDENTITY_LENGTH = 16;
  static final int MAX_IDENTITY_LENGTH = 128;

  private final Limits limits;
  private final Map<String, CommandTable.Row<?>> rows = new HashMap<>();

  public FrameDecoder(Limits limits) {
    this.limits = limits;
    for (CommandTable.Row<?> row : CommandTable.ROWS) rows.put(row.wireName(), row);
  }

  /** The wire names of every command this decoder accepts (join, ping and sync included). */
  public Set<String> types() {
    Set<String> all = new java.util.TreeSet<>(rows.keySet());
    all.addAll(List.of(Wire.JOIN, Wire.PING, Wire.SYNC));
    return Collections.unmodifiableSet(all);
  }

  public Inbound decode(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return reject(null, null, "Frame is not valid JSON.");
    }
    if (root == null || !root.isObject()) return reject(null, null, "Frame must be a JSON object.");
    JsonNode idNode = root.get("id");
    String id = null;
    if (idNode != null && !idNode.isNull()) {
      if (!idNode.isTextual() || idNode.textValue().length() > MAX_ID_LENGTH) {
        return reject(null, null, "Field 'id' must be a string of at most " + MAX_ID_LENGTH + " characters.");
      }
      id = idNode.textValue();
    }
    JsonNode typeNode = root.get("type");
    if (typeNode == null || !typeNode.isTextual()) return reject(id, null, "Field 'type' is required.");
    String type = typeNode.textValue();
    try {
      FrameFields f = new FrameFields(root, limits);
      switch (type) {
        case Wire.JOIN:
          return join(id, f);
        case Wire.PING:
          return new Inbound.Ping(id, f.optionalLong("t", 0));
        case Wire.SYNC:
          return new Inbound.Sync(id);
        default:
          CommandTable.Row<?> row = rows.get(type);
          if (row == null) return reject(id, null, "Unknown message type.");
          return new Inbound.Do(id, type, row.parser().parse(f));
      }
    } catch (FrameFields.Invalid e) {
      return new Inbound.Rejection(id, rows.containsKey(type) ? type : null, e.refusal);
    }
  }

  private Inbound join(String id, FrameFields f) {
    String code = f.string("code", 64);
    String role = f.optionalString("role", 16);
    if (role != null) {
      if (!role.equals("display")) throw FrameFields.bad("Field 'role' must be \"display\".");
      // The facilitator's own browser opens its projector with the key: it gets into a locked room.
      return new Inbound.Join(id, code, null, null, f.optionalString("key", 128), true);
    }
    String resume = f.optionalString("resume", 128);
    if (resume != null) return new Inbound.Join(id, code, null, resume, null, false);
    String name = f.name("name");
    String key = f.optionalString("key", 128);
    return new Inbound.Join(id, code, name, null, key, false, identity(f));
  }

  private static String identity(FrameFields f) {
    String s = f.optionalString("identity", MAX_IDENTITY_LENGTH);
    if (s == null) return null;
    if (s.length() < MIN_IDENTITY_LENGTH || !s.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw FrameFields.bad("Field 'identity' must be " + MIN_IDENTITY_LENGTH + " to " + MAX_IDENTITY_LENGTH
          + " printable ASCII characters.");
    }
    return s;
  }

  private static Inbound reject(String id, String type, String message) {
    return new Inbound.Rejection(id, type, Refusal.of(Reason.BAD_REQUEST, message));
  }
}
