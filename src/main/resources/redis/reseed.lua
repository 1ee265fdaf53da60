-- Puts back a session that Redis lost or holds at an older version (it restarted empty, or from
-- a snapshot or AOF that missed its last writes), from the newest state a node still holds.
--
-- KEYS[1]  the session's state key, rt:s:<code>
-- KEYS[2]  its deletion mark, rt:d:<code> (delete.lua): a deleted session is never put back
-- ARGV[1]  the version the node knows (decimal): the stored state is replaced only when it is
--          missing or older than that
-- ARGV[2]  the state to write, already at a version above any a client may have seen
-- ARGV[3]  expiry in milliseconds, counted from this write
-- ARGV[4]  the session's pub/sub channel, rt:c:<code> (rt:c:{<code>} in a cluster: same slot as KEYS[1])
-- ARGV[5]  PUBLISH, or SPUBLISH in a cluster (as apply.lua)
--
-- Returns  1         written and published (the same bytes)
--          a string  the stored state, which is not older: another node re-seeded it first, or
--                    it was never lost; nothing done
--          0         the session was deleted on purpose: nothing done
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 0
end
local current = redis.call('GET', KEYS[1])
if current then
  local stored = tonumber(string.match(current, '^{"version":(%d+)'))
  if stored and stored >= tonumber(ARGV[1]) then
    return current
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call(ARGV[5], ARGV[4], ARGV[2])
return 1
