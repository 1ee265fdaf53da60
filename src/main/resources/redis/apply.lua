-- Writes one session update, atomically: version check, write with expiry, publish.
--
-- KEYS[1]  the session's state key, rt:s:<code>
-- ARGV[1]  the version the change was computed from (decimal); the stored one must equal it
-- ARGV[2]  the new state: an encoded session, which starts with {"version":<digits>
-- ARGV[3]  expiry in milliseconds, counted from this write
-- ARGV[4]  the session's pub/sub channel, rt:c:<code> (rt:c:{<code>} in a cluster: same slot as KEYS[1])
-- ARGV[5]  PUBLISH, or SPUBLISH in a cluster (the publish then stays on this slot's shard)
--
-- Returns  1       written, and the new state published on the channel (the same bytes)
--         -1       no such session (never created, or expired): nothing done
--         a string someone else wrote first: nothing done; this is the stored state, to re-apply
--                  the change to and retry (without another read, so that a node retrying after a
--                  conflict is not always one round trip behind the node that keeps winning)
--
-- The version is read with an anchored match instead of cjson: SessionCodec always writes it
-- first, and digits compare as strings because neither side has leading zeros.
local current = redis.call('GET', KEYS[1])
if not current then
  return -1
end
if string.match(current, '^{"version":(%d+)') ~= ARGV[1] then
  return current
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call(ARGV[5], ARGV[4], ARGV[2])
return 1
