package app.roundtable.store.redis;

import io.vertx.redis.client.Command;

/**
 * Every Redis name Roundtable uses. A session is one key, so its expiry is one TTL; node
 * heartbeats expire on their own. Channels are not keys and hold nothing.
 *
 * <p>Two layouts. {@link #STANDALONE} keeps the names a single Redis has always had (a deployment
 * upgrading keeps its sessions). {@link #CLUSTER} wraps the code in a hash tag, {@code
 * rt:s:{code}} and {@code rt:c:{code}}, so a session's key and its shard channel live in one hash
 * slot: the script that writes the key may publish on the channel, on that slot's master. Node
 * heartbeats share the fixed tag {@code {rt:nodes}}, so one MGET reads them all.
 *
 * <p>The layout also says how its channels are used: classic pub/sub ({@code PUBLISH}, {@code
 * SUBSCRIBE}, broadcast to every node of the deployment) for a single Redis; sharded pub/sub
 * ({@code SPUBLISH}, {@code SSUBSCRIBE}, kept on the shard that owns the slot) for a cluster.
 */
final class RedisKeys {
  static final RedisKeys STANDALONE = new RedisKeys("", "", "rt:node:", false);
  static final RedisKeys CLUSTER = new RedisKeys("{", "}", "rt:node:{rt:nodes}:", true);

  private static final String STATE = "rt:s:";
  private static final String CHANNEL = "rt:c:";
  private static final String DELETED = "rt:d:";
  /**
   * Published on a session's channel when it was deleted, instead of a state: it does not start as
   * an encoded session does ({@code {"version":}), so no reader can take it for one.
   */
  static final String TOMBSTONE = "{\"deleted\":true}";

  private final String open;
  private final String close;
  private final String node;
  /** Sharded pub/sub: the channel is served by the shard that owns its slot, and by no other. */
  final boolean sharded;
  /** What apply.lua publishes with. */
  final String publish;
  final Command subscribe;
  final Command unsubscribe;
  /** The kinds of push frame a subscribed connection receives: a message, a (un)subscribe confirmation. */
  final String messageKind;
  final String subscribeKind;
  final String unsubscribeKind;

  private RedisKeys(String open, String close, String node, boolean sharded) {
    this.open = open;
    this.close = close;
    this.node = node;
    this.sharded = sharded;
    this.publish = sharded ? "SPUBLISH" : "PUBLISH";
    this.subscribe = sharded ? Command.SSUBSCRIBE : Command.SUBSCRIBE;
    this.unsubscribe = sharded ? Command.SUNSUBSCRIBE : Command.UNSUBSCRIBE;
    this.messageKind = sharded ? "smessage" : "message";
    this.subscribeKind = sharded ? "ssubscribe" : "subscribe";
    this.unsubscribeKind = sharded ? "sunsubscribe" : "unsubscribe";
  }

  /** The session's whole internal state, as {@code SessionCodec} JSON, with the session's TTL. */
  String state(String code) {
    return STATE + open + code + close;
  }

  /** Where each new state of the session is published, as the same bytes that were stored. */
  String channel(String code) {
    return CHANNEL + open + code + close;
  }

  String codeOfChannel(String channel) {
    if (!channel.startsWith(CHANNEL) || !channel.endsWith(close)) return null;
    int start = CHANNEL.length() + open.length();
    int end = channel.length() - close.length();
    return start <= end && channel.startsWith(open, CHANNEL.length()) ? channel.substring(start, end) : null;
  }

  /**
   * Set for a while when the session was deleted, holding nothing but "1": a node that still held
   * the session must not take its absence for Redis's amnesia and put it back (redis/reseed.lua).
   * Same slot as the state key in a cluster.
   */
  String deleted(String code) {
    return DELETED + open + code + close;
  }

  /** Whether a message on a session's channel is {@link #TOMBSTONE}. */
  static boolean isTombstone(byte[] message) {
    return message.length == TOMBSTONE.length()
        && new String(message, java.nio.charset.StandardCharsets.US_ASCII).equals(TOMBSTONE);
  }

  /** A node's heartbeat: present while the node is alive. */
  String node(String nodeId) {
    return node + nodeId;
  }
}
