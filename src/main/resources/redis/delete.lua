-- Deletes one session now, and tells every node's subscribers.
--
-- KEYS[1]  the session's state key, rt:s:<code>
-- KEYS[2]  its deletion mark, rt:d:<code> (rt:d:{<code>} in a cluster: same slot as KEYS[1])
-- ARGV[1]  how long the mark stays, in milliseconds: longer than any node keeps serving a
--          session after it was told of the delete
-- ARGV[2]  the session's pub/sub channel, rt:c:<code>
-- ARGV[3]  PUBLISH, or SPUBLISH in a cluster (as apply.lua)
-- ARGV[4]  the tombstone message, which no encoded session can be
--
-- Returns  1  deleted, marked, and the tombstone published
--          0  there was no such session: nothing done
--
-- The mark holds no text of the session, only its code; reseed.lua refuses to put a marked
-- session back. What Redis's own files keep of the deleted state is docs/deploy.md's to say
-- (an AOF rewrite and the next snapshot drop it).
if redis.call('DEL', KEYS[1]) == 0 then
  return 0
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
redis.call(ARGV[3], ARGV[2], ARGV[4])
return 1
