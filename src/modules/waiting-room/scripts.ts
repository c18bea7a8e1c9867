import { AppError } from '../../errors.ts';
import { RedisScript, type RedisClient } from '../../infra/redis.ts';

/** The waiting room's scripts: an unreachable or failing Redis becomes 503 SERVICE_UNAVAILABLE (fail closed). */
export class LuaScript extends RedisScript {
  override async run(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await super.run(redis, keys, args);
    } catch (err) {
      throw storeUnavailable(err);
    }
  }
}

export function storeUnavailable(cause: unknown): AppError {
  const err = new AppError('SERVICE_UNAVAILABLE', 'The waiting room store is unavailable');
  err.cause = cause;
  return err;
}

// Every script reads the clock from Redis (TIME) so API instances and workers share one clock.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * Status of one user: {'ADMITTED', expiryMs, jti, now} | {'WAITING', position, rate, now, score, left} |
 * {'EARLY', earlyCount, rate, now} (entered before sales opened, not drawn yet) | {'NONE', 0, '', now}.
 * A waiting user's position counts everyone still waiting for the draw: they all go ahead of anyone
 * who arrived after sales opened, so the number is exact before and after the draw. A waiting user's
 * score (their place key) and the leave counter at this moment let an API instance answer the next
 * polls from its serving-counter snapshot (serving-counter.ts).
 * KEYS: waiting, active, sessions, meta, early.
 */
const STATUS_OF = `local function status_of(user, now)
  local exp = redis.call('ZSCORE', KEYS[2], user)
  if exp and tonumber(exp) > now then
    return {'ADMITTED', exp, redis.call('HGET', KEYS[3], user) or '', now}
  end
  local rank = redis.call('ZRANK', KEYS[1], user)
  if rank then
    local early = redis.call('ZCARD', KEYS[5])
    local meta = redis.call('HMGET', KEYS[4], 'rate', 'left')
    return {'WAITING', early + rank + 1, meta[1] or '', now, redis.call('ZSCORE', KEYS[1], user),
      meta[2] or '0'}
  end
  if redis.call('ZSCORE', KEYS[5], user) then
    return {'EARLY', redis.call('ZCARD', KEYS[5]), redis.call('HGET', KEYS[4], 'rate') or '', now}
  end
  return {'NONE', 0, '', now}
end`;

/**
 * Enter: idempotent per user — an admitted user stays admitted, a waiting or early user keeps their
 * place (or their entry in the draw), anyone else gets the next sequence number and joins either the
 * early set (before sales open, by the Redis clock, which the draw reads with too) or the tail of the
 * line. When the line was empty the admission clock restarts now, so an idle queue does not bank
 * admissions. KEYS: waiting, active, sessions, meta, early, seq. ARGV: userId, keyTtlMs, salesOpenAtMs.
 */
export const ENTER = new LuaScript(`${NOW}
${STATUS_OF}
local user = ARGV[1]
local current = status_of(user, now)
if current[1] ~= 'NONE' then return current end
-- A lapsed session is cleaned up before the user queues again.
redis.call('ZREM', KEYS[2], user)
redis.call('HDEL', KEYS[3], user)
local seq = redis.call('INCR', KEYS[6])
if now < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[5], seq, user)
else
  if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('ZCARD', KEYS[5]) == 0 then
    redis.call('HSET', KEYS[4], 'last', now, 'carry', 0)
  end
  -- The draw gives the early entrants scores 1..n; every sequence number handed out after is above n.
  redis.call('ZADD', KEYS[1], seq, user)
end
for i = 1, 6 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return status_of(user, now)
`);

/** Status for polling. KEYS: waiting, active, sessions, meta, early. ARGV: userId. */
export const STATUS = new LuaScript(`${NOW}
${STATUS_OF}
return status_of(ARGV[1], now)
`);

/**
 * Status of many users in one call (the SSE poller, and first polls arriving together). Returns per
 * user kind, a, b and, for a waiting user, the score and the leavers count ('' otherwise), flattened,
 * plus now.
 */
export const STATUS_MANY = new LuaScript(`${NOW}
${STATUS_OF}
local out = {}
for i = 1, #ARGV do
  local s = status_of(ARGV[i], now)
  out[#out + 1] = s[1]
  out[#out + 1] = s[2]
  out[#out + 1] = s[3]
  out[#out + 1] = s[5] or ''
  out[#out + 1] = s[6] or ''
end
out[#out + 1] = now
return out
`);

/** How many recent leavers of a showtime are kept for the API instances' snapshots to read. */
export const LEAVERS_KEPT = 10_000;

/**
 * Leave the line or the draw, or end the session (revokes the token). A user taken out of the line
 * is also pushed on the leavers list and counted in meta `left`, so every API instance drops its
 * cached place for them at its next snapshot (serving-counter.ts).
 * KEYS: waiting, active, sessions, early, meta, leavers. ARGV: userId, keyTtlMs.
 */
export const LEAVE = new LuaScript(`
local waiting = redis.call('ZREM', KEYS[1], ARGV[1])
local removed = waiting + redis.call('ZREM', KEYS[2], ARGV[1]) + redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if waiting == 1 then
  redis.call('HINCRBY', KEYS[5], 'left', 1)
  redis.call('LPUSH', KEYS[6], ARGV[1])
  redis.call('LTRIM', KEYS[6], 0, ${LEAVERS_KEPT} - 1)
  redis.call('PEXPIRE', KEYS[6], ARGV[2])
end
return removed
`);

/** 1 when the user's session with this token id is active now. KEYS: active, sessions. ARGV: userId, jti. */
export const CHECK = new LuaScript(`${NOW}
local exp = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not exp or tonumber(exp) <= now then return 0 end
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
return 1
`);

/**
 * One admission tick for one showtime:
 * 1. sessions past their expiry leave the active set (freeing their slots);
 * 2. due = carry + rate × elapsed since the last tick (capped), so a late tick catches up instead of
 *    drifting and two tickers back to back cannot double the rate;
 * 3. min(due, maxActive − active) users move from the head of the waiting line to the active set.
 * The fraction of an admission is carried only when the rate was the limit (capacity or an empty
 * line must not bank admissions). The measured rate (EWMA, time constant tau) feeds wait estimates
 * and is updated only while the line did not run dry.
 * Nobody is admitted while early entrants wait for the draw (they go first): the clock runs, nothing
 * is banked, and drawPending tells the ticker to draw once sales have opened.
 * KEYS: waiting, active, sessions, meta, early. ARGV: ratePerSecond (0 = paused), maxActive, sessionMs,
 * batchId (prefix of token ids), maxCatchUpMs, keyTtlMs, tauMs, salesOpenAtMs.
 * Returns {waitingLeft (line and draw), now, drawPending (0|1), admitted userIds...}.
 */
export const ADMIT = new LuaScript(`${NOW}
local rate, maxActive, sessionMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  for i = 1, #expired, 1000 do
    redis.call('HDEL', KEYS[3], unpack(expired, i, math.min(i + 999, #expired)))
  end
end
local early = redis.call('ZCARD', KEYS[5])
if early > 0 then
  redis.call('HSET', KEYS[4], 'last', now, 'carry', 0)
  local pending = 0
  if now >= tonumber(ARGV[8]) then pending = 1 end
  return {redis.call('ZCARD', KEYS[1]) + early, now, pending}
end
local last = tonumber(redis.call('HGET', KEYS[4], 'last') or now)
local carry = tonumber(redis.call('HGET', KEYS[4], 'carry') or '0')
local elapsed = now - last
if elapsed < 0 then elapsed = 0 end
if elapsed > tonumber(ARGV[5]) then elapsed = tonumber(ARGV[5]) end
local dueExact = carry + elapsed * rate / 1000
local due = math.floor(dueExact)
local waitingBefore = redis.call('ZCARD', KEYS[1])
local n = math.min(due, maxActive - redis.call('ZCARD', KEYS[2]))
local admitted = {}
if n > 0 then admitted = redis.call('ZRANGE', KEYS[1], 0, n - 1) end
if #admitted > 0 then
  -- The serving counter: the highest score admitted so far. The line pops lowest scores first, so
  -- everyone still waiting normally scores above it (API instances check, see SNAPSHOT).
  local top = tonumber(redis.call('ZSCORE', KEYS[1], admitted[#admitted]))
  if top > tonumber(redis.call('HGET', KEYS[4], 'served') or '0') then
    redis.call('HSET', KEYS[4], 'served', top)
  end
end
local expiry = now + sessionMs
for i, user in ipairs(admitted) do
  redis.call('ZADD', KEYS[2], expiry, user)
  redis.call('HSET', KEYS[3], user, ARGV[4] .. '.' .. i)
end
if #admitted > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, #admitted - 1) end
local carried = carry
if #admitted == due then carry = dueExact - due else carry = 0 end
local measured = redis.call('HGET', KEYS[4], 'rate')
if rate > 0 and elapsed > 0 and waitingBefore > #admitted then
  -- Progress counts the carried fraction too: whole admissions alone would measure a short tick that
  -- admitted nobody as a rate of 0, and the first sample seeds the average.
  local instant = math.max(0, #admitted + carry - carried) * 1000 / elapsed
  if measured then
    local alpha = 1 - math.exp(-elapsed / tonumber(ARGV[7]))
    measured = tonumber(measured) + alpha * (instant - tonumber(measured))
  else
    measured = instant
  end
  redis.call('HSET', KEYS[4], 'rate', tostring(measured))
end
redis.call('HSET', KEYS[4], 'last', now, 'carry', tostring(carry))
redis.call('HINCRBY', KEYS[4], 'total', #admitted)
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
local out = {waitingBefore - #admitted, now, 0}
for i, user in ipairs(admitted) do out[#out + 1] = user end
return out
`);

/**
 * The early entrants as they stand, for the draw: {open (1 once sales have opened by the Redis clock,
 * after which nobody joins the early set), userId, seq, userId, seq, ...}; only userIds and seqs when
 * open. KEYS: early. ARGV: salesOpenAtMs.
 */
export const READ_EARLY = new LuaScript(`${NOW}
if now < tonumber(ARGV[1]) then return {0} end
local out = {1}
local all = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #all do out[#out + 1] = all[i] end
return out
`);

/**
 * Applies a draw computed from READ_EARLY: the given (userId, seq) pairs, in drawn order, get scores
 * 1..n in the line — below every later sequence number, so ahead of everyone who came after the open.
 * Pairs whose user left meanwhile are skipped. The list must cover every early entrant still there;
 * otherwise nothing changes and -1 asks the caller to read again. Runs once: the early set is renamed
 * to the kept `drawn` record, so a second drawer finds it empty and applies nothing (returns 0).
 * KEYS: waiting, early, drawn, meta. ARGV: keyTtlMs, "userId:seq,userId:seq,..." (one string: a
 * draw of 100,000 would be too many arguments; user ids are UUIDs). Returns the number placed.
 */
export const APPLY_DRAW = new LuaScript(`${NOW}
local remaining = redis.call('ZCARD', KEYS[2])
if remaining == 0 then return 0 end
local users, seqs = {}, {}
for user, seq in string.gmatch(ARGV[2], '([^,:]+):(%d+)') do
  local s = redis.call('ZSCORE', KEYS[2], user)
  if s and tonumber(s) == tonumber(seq) then
    users[#users + 1] = user
    seqs[#seqs + 1] = seq
  end
end
if #users ~= remaining then return -1 end
for rank = 1, #users do redis.call('ZADD', KEYS[1], rank, users[rank]) end
redis.call('RENAME', KEYS[2], KEYS[3])
redis.call('HSET', KEYS[4], 'last', now, 'carry', 0, 'drawnAt', now, 'drawn', #users)
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
return #users
`);

/**
 * What an API instance needs to answer polls without a store call (serving-counter.ts):
 * {served (highest score admitted), below (still waiting at or below it: normally 0), early (waiting
 * for the draw), seq (entries handed out), rate, left (leave counter), now, leavers since ARGV[1]...}.
 * The leavers are the users who left after the caller's `left` value, newest first, or the single
 * string '*' when more left than the list keeps (the caller then forgets every cached place).
 * KEYS: waiting, meta, early, seq, leavers. ARGV: leftSeen (-1 = none wanted).
 */
export const SNAPSHOT = new LuaScript(`${NOW}
local meta = redis.call('HMGET', KEYS[2], 'served', 'rate', 'left')
local served = tonumber(meta[1] or '0')
local left = tonumber(meta[3] or '0')
local out = {served, redis.call('ZCOUNT', KEYS[1], '-inf', served), redis.call('ZCARD', KEYS[3]),
  tonumber(redis.call('GET', KEYS[4]) or '0'), meta[2] or '', left, now}
local since = tonumber(ARGV[1])
if since >= 0 and left > since then
  if left - since > ${LEAVERS_KEPT} then
    out[#out + 1] = '*'
  else
    local users = redis.call('LRANGE', KEYS[5], 0, left - since - 1)
    for i = 1, #users do out[#out + 1] = users[i] end
  end
end
return out
`);
