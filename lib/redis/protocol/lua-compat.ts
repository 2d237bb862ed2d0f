import { createHash } from "node:crypto";

/**
 * `@upstash/ratelimit` starts its Lua scripts with `#!lua flags=allow-key-locking`, a flag that
 * Upstash's servers accept and open-source Redis 7.0 refuses ("Unexpected flag in script
 * shebang"). The proxy removes that one flag before a script reaches Redis and keeps the rest of
 * the shebang, so line numbers in Redis errors and the other flags' semantics stay as written.
 */
const UNSUPPORTED_FLAG = "allow-key-locking";
const SHEBANG_LINE = /^#![^\r\n]*/;

/** `script` without the `allow-key-locking` shebang flag; unchanged when it has none. */
export function withoutKeyLockingFlag(script: string): string {
  const shebang = SHEBANG_LINE.exec(script)?.[0];
  if (shebang === undefined) return script;
  const [engine = "", ...params] = shebang.split(/\s+/).filter((part) => part !== "");
  let changed = false;
  const keptParams = params.flatMap((param) => {
    if (!param.startsWith("flags=")) return [param];
    const flags = param.slice("flags=".length).split(",");
    const kept = flags.filter((flag) => flag !== UNSUPPORTED_FLAG);
    if (kept.length === flags.length) return [param];
    changed = true;
    return kept.length > 0 ? [`flags=${kept.join(",")}`] : [];
  });
  if (!changed) return script;
  return [engine, ...keptParams].join(" ") + script.slice(shebang.length);
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

const MAX_ALIASES = 10_000;

/**
 * Clients call EVALSHA with the SHA-1 of the script they sent, but Redis stores the rewritten
 * script under another SHA-1. This remembers which stored SHA-1 each sent one stands for.
 */
export class ScriptShaAliases {
  private readonly storedBySent = new Map<string, string>();

  /** Records that `sentScript` is stored in Redis as `storedScript`. */
  remember(sentScript: string, storedScript: string): string {
    const sent = sha1(sentScript);
    if (sentScript !== storedScript) {
      // Bounded: a client sending endless distinct scripts must not grow the proxy without limit.
      if (this.storedBySent.size >= MAX_ALIASES) this.storedBySent.clear();
      this.storedBySent.set(sent, sha1(storedScript));
    }
    return sent;
  }

  /** The SHA-1 Redis knows for a SHA-1 a client sent. Unknown ones pass through, so Redis answers NOSCRIPT. */
  resolve(sentSha: string): string {
    return this.storedBySent.get(sentSha.toLowerCase()) ?? sentSha;
  }
}

/** A command ready for Redis, and how to turn Redis's reply back into what the client expects. */
export type AdaptedCommand = { args: string[]; adaptReply: (reply: unknown) => unknown };

const keepReply = (reply: unknown): unknown => reply;

/** Rewrites script commands (EVAL, EVALSHA, their _RO forms, SCRIPT LOAD/EXISTS) for Redis 7.0. */
export function adaptScriptCommand(args: string[], aliases: ScriptShaAliases): AdaptedCommand {
  const [name = "", first, ...rest] = args;
  const command = name.toLowerCase();
  if ((command === "eval" || command === "eval_ro") && first !== undefined) {
    const stored = withoutKeyLockingFlag(first);
    aliases.remember(first, stored);
    return { args: [name, stored, ...rest], adaptReply: keepReply };
  }
  if ((command === "evalsha" || command === "evalsha_ro") && first !== undefined) {
    return { args: [name, aliases.resolve(first), ...rest], adaptReply: keepReply };
  }
  if (command === "script" && first !== undefined) {
    const subcommand = first.toLowerCase();
    if (subcommand === "load" && rest.length === 1 && rest[0] !== undefined) {
      const stored = withoutKeyLockingFlag(rest[0]);
      const sentSha = aliases.remember(rest[0], stored);
      // Answer with the SHA-1 of the script the client sent, which is what it will EVALSHA with.
      return { args: [name, first, stored], adaptReply: () => sentSha };
    }
    if (subcommand === "exists") {
      return {
        args: [name, first, ...rest.map((sha) => aliases.resolve(sha))],
        adaptReply: keepReply,
      };
    }
  }
  return { args, adaptReply: keepReply };
}
