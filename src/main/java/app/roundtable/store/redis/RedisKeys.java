package app.roundtable.store.redis;

/**
 * Every Redis name Roundtable uses. A session is one key, so its expiry is one TTL; node
 * heartbeats expire on their own. Channels are not keys and hold nothing.
 */
final class RedisKeys {
  static final String STATE = "rt:s:";
  static final String CHANNEL = "rt:c:";
  static final String NODE = "rt:node:";

  private RedisKeys() {}

  /** The session's whole internal state, as {@code SessionCodec} JSON, with the session's TTL. */
  static String state(String code) {
    return STATE + code;
  }

  /** Where each new state of the session is published, as the same bytes that were stored. */
  static String channel(String code) {
    return CHANNEL + code;
  }

  static String codeOfChannel(String channel) {
    return channel.startsWith(CHANNEL) ? channel.substring(CHANNEL.length()) : null;
  }

  /** A node's heartbeat: present while the node is alive. */
  static String node(String nodeId) {
    return NODE + nodeId;
  }
}
