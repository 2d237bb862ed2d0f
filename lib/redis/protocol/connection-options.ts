import type { RedisOptions } from "ioredis";

/**
 * ioredis settings under which a command reaches Redis at most once and its reply has the shape
 * Upstash's REST API gives: refuse a command while the connection is down instead of queueing it,
 * never send again a command that may already have run when its reply was lost (an INCR or a
 * stock-gate script must not apply twice), and RESP2 replies (flat arrays, Lua false as nil).
 */
export const AT_MOST_ONCE: RedisOptions = {
  enableOfflineQueue: false,
  autoResendUnfulfilledCommands: false,
  maxRetriesPerRequest: 0,
  protocol: 2,
};
