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

/**
 * Carries `@upstash/redis` commands over Redis's own protocol on one connection instead of HTTP:
 * the same command arrays, the same `/pipeline` and `/multi-exec` meanings as Upstash's REST API
 * (and as the bundled proxy), so the rate limiters and the stock gate run unchanged on either.
 * A command Redis refuses answers `{ error }`, as over REST; a connection failure rejects.
 */
export function createNativeRequester(redis: NativeRedis): Requester {
  const aliases = new ScriptShaAliases();
  async function request(req: UpstashRequest): Promise<UpstashResponse<unknown>> {
    const path = req.path?.join("/") ?? "";
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
