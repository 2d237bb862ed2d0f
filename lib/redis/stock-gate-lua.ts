// Lua run atomically by Redis for the stock gate (lib/redis/stock-gate.server.ts). One hash per
// SKU holds, per channel field, the units that channel may still promise. Redis runs a script
// without interleaving any other command, so the read and the decrement cannot race.

/**
 * Admit: KEYS[1] = the SKU's hash; ARGV = channel id, quantity, initial units ("" when not
 * known yet), TTL in milliseconds. Returns {1, left} when admitted (units taken), {0, left} when
 * refused, {-1, 0} when the channel has no count yet and no initial units were given. A hash
 * created here expires after the TTL, so every count is refreshed from the database that often.
 */
export const ADMIT_LUA = `
local left = redis.call('HGET', KEYS[1], ARGV[1])
if not left then
  if ARGV[3] == '' then return {-1, 0} end
  local fresh = redis.call('EXISTS', KEYS[1]) == 0
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  if fresh then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
  left = ARGV[3]
end
left = tonumber(left)
local quantity = tonumber(ARGV[2])
if left < quantity then return {0, left} end
redis.call('HINCRBY', KEYS[1], ARGV[1], -quantity)
return {1, left - quantity}
`;

/**
 * Give back: KEYS[1] = the SKU's hash; ARGV = channel id, quantity, cap ("" for none). Adds the
 * units back, then lowers the count to the cap when the database reported less than that.
 * Does nothing when the count has expired or was invalidated (the next admit reads the
 * database again), so a give-back never creates a count without a TTL. Returns the count, or -1.
 */
export const GIVE_BACK_LUA = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
local left = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '' and left > tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return tonumber(ARGV[3])
end
return left
`;
