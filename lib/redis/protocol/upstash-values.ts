/** JSON shapes of Upstash's REST protocol. */

/** A reply as Upstash sends it: bulk strings as text (or base64), integers as numbers, nil as null. */
export type UpstashValue = string | number | null | UpstashValue[];

/** One entry of a `/pipeline` or `/multi-exec` answer. */
export type UpstashOutcome = { result: UpstashValue } | { error: string };

/** A client error answered with 400, like Redis's own errors: a malformed or unsupported command, or a discarded transaction. */
export class InvalidCommandError extends Error {}

/** Turns a JSON command array into Redis arguments; throws a message fit for a 400 answer. */
export function toCommandArguments(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidCommandError("ERR a command must be a non-empty JSON array");
  }
  const [name, ...args] = value as unknown[];
  if (typeof name !== "string" || name === "") {
    throw new InvalidCommandError("ERR the command name must be a non-empty string");
  }
  return [name, ...args.map(toArgument)];
}

function toArgument(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

/** Turns a list of JSON command arrays (pipeline, transaction) into Redis arguments. */
export function toCommandList(value: unknown): string[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidCommandError("ERR the body must be a non-empty JSON array of commands");
  }
  return (value as unknown[]).map(toCommandArguments);
}

/**
 * Encodes a Redis reply for the client. With `Upstash-Encoding: base64` every string is sent as
 * base64 of its bytes, which keeps binary values intact through JSON; @upstash/redis decodes them.
 */
export function toUpstashValue(reply: unknown, base64: boolean): UpstashValue {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === "number") return reply;
  if (Array.isArray(reply)) return (reply as unknown[]).map((item) => toUpstashValue(item, base64));
  const bytes = toBytes(reply);
  return base64 ? bytes.toString("base64") : bytes.toString("utf8");
}

function toBytes(reply: unknown): Buffer {
  if (Buffer.isBuffer(reply)) return reply;
  if (reply instanceof Error) return Buffer.from(reply.message);
  return Buffer.from(String(reply));
}
