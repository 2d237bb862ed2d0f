import { Command, type Redis } from "ioredis";
import { adaptScriptCommand, type ScriptShaAliases } from "./lua-compat";
import { InvalidCommandError } from "./upstash-values";

/**
 * A command whose reply reaches the proxy exactly as Redis sent it. ioredis reshapes some replies
 * by command name (HGETALL becomes an object, for one), while Upstash clients expect Redis's own
 * flat arrays; and leaving replies as Buffers keeps binary values intact.
 */
class RawCommand extends Command {
  override transformReply(result: Buffer | Buffer[]): Buffer | Buffer[] {
    return result;
  }
}

/**
 * Commands refused because all clients share one connection: they would change its state
 * (database, protocol, subscriptions, transaction) for everyone, or block it for everyone.
 */
const CONNECTION_STATE_COMMANDS = new Set(
  [
    "auth hello select reset quit client readonly readwrite",
    "subscribe psubscribe ssubscribe unsubscribe punsubscribe sunsubscribe monitor",
    // Transactions go through /multi-exec, which sends MULTI and EXEC itself.
    "multi exec discard watch unwatch",
    "blpop brpop brpoplpush blmove blmpop bzpopmin bzpopmax bzmpop wait waitaof",
  ].flatMap((group) => group.split(" ")),
);

function assertAllowed(args: string[]): void {
  const name = (args[0] ?? "").toLowerCase();
  const blockingRead =
    (name === "xread" || name === "xreadgroup") &&
    args.some((arg) => arg.toLowerCase() === "block");
  if (CONNECTION_STATE_COMMANDS.has(name) || blockingRead) {
    throw new InvalidCommandError(`ERR command '${args[0] ?? ""}' is not supported by this proxy`);
  }
}

/** Sends one command and resolves with its raw reply; rejects with Redis's error. */
function send(redis: Redis, args: string[]): Promise<unknown> {
  const [name = "", ...rest] = args;
  const command = new RawCommand(name.toLowerCase(), rest);
  void redis.sendCommand(command);
  return command.promise as Promise<unknown>;
}

/** Runs one command. */
export async function runCommand(
  redis: Redis,
  args: string[],
  aliases: ScriptShaAliases,
): Promise<unknown> {
  assertAllowed(args);
  const adapted = adaptScriptCommand(args, aliases);
  return adapted.adaptReply(await send(redis, adapted.args));
}

export type CommandSettlement = { ok: true; reply: unknown } | { ok: false; error: Error };

/** Runs commands in order without atomicity, like Upstash's `/pipeline`; each settles on its own. */
export async function runPipeline(
  redis: Redis,
  commands: string[][],
  aliases: ScriptShaAliases,
): Promise<CommandSettlement[]> {
  // Issued synchronously one after another, they reach Redis in this order on the one connection.
  const pending = commands.map((args) => runCommand(redis, args, aliases));
  const settled = await Promise.allSettled(pending);
  return settled.map<CommandSettlement>((outcome) =>
    outcome.status === "fulfilled"
      ? { ok: true, reply: outcome.value }
      : { ok: false, error: toError(outcome.reason) },
  );
}

/**
 * Runs commands inside MULTI/EXEC, like Upstash's `/multi-exec`. Rejects when Redis aborts the
 * whole transaction (EXECABORT); otherwise each command settles on its own.
 */
export async function runTransaction(
  redis: Redis,
  commands: string[][],
  aliases: ScriptShaAliases,
): Promise<CommandSettlement[]> {
  commands.forEach(assertAllowed);
  const adapted = commands.map((args) => adaptScriptCommand(args, aliases));
  // MULTI, the commands and EXEC are written in one synchronous run, so no other client's
  // command can land between them on the shared connection.
  const sent = [
    send(redis, ["multi"]),
    ...adapted.map((command) => send(redis, command.args)),
    send(redis, ["exec"]),
  ];
  const settled = await Promise.allSettled(sent);
  const multi = settled[0];
  const exec = settled[settled.length - 1];
  if (multi?.status === "rejected") throw toError(multi.reason);
  if (exec?.status !== "fulfilled") {
    // A command Redis refused to queue makes EXEC fail with EXECABORT; name that command's error too.
    const execError = toError(exec?.reason);
    if (execError.name !== "ReplyError") throw execError;
    const refused = settled.slice(1, -1).find((outcome) => outcome.status === "rejected");
    const cause =
      refused?.status === "rejected"
        ? ` First refused command: ${toError(refused.reason).message}`
        : "";
    throw new InvalidCommandError(`${execError.message}${cause}`);
  }
  if (!Array.isArray(exec.value)) throw new Error("ERR transaction was discarded");
  const replies = exec.value as unknown[];
  return adapted.map<CommandSettlement>((command, index) => {
    const reply = replies[index];
    return reply instanceof Error
      ? { ok: false, error: reply }
      : { ok: true, reply: command.adaptReply(reply) };
  });
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
