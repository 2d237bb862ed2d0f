import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { AT_MOST_ONCE } from "@/lib/redis/protocol/connection-options";
import { ScriptShaAliases } from "@/lib/redis/protocol/lua-compat";
import {
  runCommand,
  runPipeline,
  runTransaction,
  type CommandSettlement,
} from "@/lib/redis/protocol/redis-commands";
import {
  InvalidCommandError,
  toCommandArguments,
  toCommandList,
  toUpstashValue,
  type UpstashOutcome,
} from "@/lib/redis/protocol/upstash-values";

export type UpstashProxyOptions = {
  redisUrl: string;
  /** Bearer token clients must send. */
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; loopback by default because the token is the only protection. */
  host?: string;
};

export type UpstashProxy = { url: string; close(): Promise<void> };

const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** An error answered with its own HTTP status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Constant-time check of the `Authorization: Bearer` header (digests give equal lengths). */
function isAuthorized(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const sent = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  return timingSafeEqual(digest(sent), digest(token));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "ERR request body too large");
    chunks.push(bytes);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "ERR request body is not valid JSON");
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
  });
  response.end(payload);
}

/** Redis refused the command (a reply error) or the proxy did: the client's fault, hence 400. */
function isCommandError(error: unknown): boolean {
  return (
    error instanceof InvalidCommandError || (error instanceof Error && error.name === "ReplyError")
  );
}

function toOutcomes(settlements: CommandSettlement[], base64: boolean): UpstashOutcome[] {
  return settlements.map((settlement) =>
    settlement.ok
      ? { result: toUpstashValue(settlement.reply, base64) }
      : { error: settlement.error.message },
  );
}

/** Starts an HTTP server that speaks Upstash's REST protocol and forwards commands to `redisUrl`. */
export async function startUpstashProxy(options: UpstashProxyOptions): Promise<UpstashProxy> {
  if (options.token === "") throw new Error("The Upstash proxy needs a non-empty token");
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    ...AT_MOST_ONCE,
  });
  // A failure to connect at start is reported by the rejection below, not logged as well.
  const ignoreStartupError = () => {};
  redis.on("error", ignoreStartupError);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Upstash proxy cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  redis.off("error", ignoreStartupError);
  redis.on("error", (error: Error) => console.warn(`[upstash-proxy] Redis: ${error.message}`));
  const aliases = new ScriptShaAliases();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "POST") throw new HttpError(405, "ERR only POST is supported");
    if (!isAuthorized(request, options.token)) throw new HttpError(401, "Unauthorized");
    const path = new URL(request.url ?? "/", "http://proxy").pathname.replace(/\/+$/, "") || "/";
    const base64 =
      (request.headers["upstash-encoding"] ?? "").toString().toLowerCase() === "base64";
    const body = await readJson(request);
    if (path === "/") {
      const reply = await runCommand(redis, toCommandArguments(body), aliases);
      return sendJson(response, 200, { result: toUpstashValue(reply, base64) });
    }
    if (path === "/pipeline") {
      return sendJson(
        response,
        200,
        toOutcomes(await runPipeline(redis, toCommandList(body), aliases), base64),
      );
    }
    if (path === "/multi-exec") {
      return sendJson(
        response,
        200,
        toOutcomes(await runTransaction(redis, toCommandList(body), aliases), base64),
      );
    }
    throw new HttpError(404, `ERR unknown path ${path}`);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      // Anything else is Redis being unreachable, which is not the client's fault.
      const status = error instanceof HttpError ? error.status : isCommandError(error) ? 400 : 503;
      if (!response.headersSent) sendJson(response, status, { error: message });
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
    });
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await redis.quit();
    },
  };
}
