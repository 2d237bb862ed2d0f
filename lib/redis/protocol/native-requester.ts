import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";
import type { Redis as NativeRedis } from "ioredis";
import { ScriptShaAliases } from "./lua-compat";
import { runCommand, runPipeline, runTransaction, type CommandSettlement } from "./redis-commands";
import {
  InvalidCommandError,
  toCommandArguments,
  toCommandList,
  toUpstashValue,
} from "./upstash-values";

function outcome(settlement: CommandSettlement): UpstashResponse<unknown> {
  return settlement.ok
    ? { result: toUpstashValue(settlement.reply, false) }
    : { error: settlement.error.message };
}

/** The connection is being opened: a first connect, or a reconnect attempt in flight. */
const OPENING = new Set(["wait", "connecting", "connect"]);

/**
 * Resolves once the connection is ready; rejects at once while it is down between attempts, or
 * when an attempt in flight neither opens nor fails within `waitMs`. Nothing is queued: a command
 * is only ever written to an open connection.
 */
async function openConnection(redis: NativeRedis, waitMs: number): Promise<void> {
  const isOpen = () => redis.status === "ready";
  if (isOpen()) return;
  if (OPENING.has(redis.status)) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settle = () => {};
    await new Promise<void>((resolve) => {
      settle = resolve;
      timer = setTimeout(resolve, waitMs);
      redis.once("ready", settle);
      redis.once("close", settle);
    });
    clearTimeout(timer);
    redis.off("ready", settle);
    redis.off("close", settle);
    if (isOpen()) return;
  }
  throw new Error(`Redis connection is not open (${redis.status})`);
}

/**
 * Carries `@upstash/redis` commands over Redis's own protocol on one connection instead of HTTP:
 * the same command arrays, the same `/pipeline` and `/multi-exec` meanings as Upstash's REST API
 * (and as the bundled proxy), so the rate limiters and the stock gate run unchanged on either.
 * A command Redis refuses answers `{ error }`, as over REST. A connection that is not open
 * rejects the request; one lost mid-request fails its commands (each, in a pipeline). The
 * connection must be made with AT_MOST_ONCE (./connection-options).
 */
export function createNativeRequester(
  redis: NativeRedis,
  options: { connectWaitMs: number },
): Requester {
  const aliases = new ScriptShaAliases();
  async function request(req: UpstashRequest): Promise<UpstashResponse<unknown>> {
    const path = req.path?.join("/") ?? "";
    await openConnection(redis, options.connectWaitMs);
    if (path === "pipeline")
      return (await runPipeline(redis, toCommandList(req.body), aliases)).map(outcome) as never;
    if (path === "multi-exec")
      return (await runTransaction(redis, toCommandList(req.body), aliases)).map(outcome) as never;
    if (path !== "") return { error: `ERR unsupported request path '${path}'` };
    try {
      return {
        result: toUpstashValue(
          await runCommand(redis, toCommandArguments(req.body), aliases),
          false,
        ),
      };
    } catch (error) {
      if (isRedisReply(error)) return { error: error.message };
      throw error;
    }
  }
  return { request: request as Requester["request"] };
}

/** Redis's own refusal of a command (ReplyError), or a malformed command, not a broken connection. */
function isRedisReply(error: unknown): error is Error {
  return (
    error instanceof InvalidCommandError || (error instanceof Error && error.name === "ReplyError")
  );
}
