/**
 * Runs the Upstash-protocol proxy in front of a Redis server, so that the app's Upstash client
 * can use a local or self-hosted Redis.
 *
 *   npm run redis:proxy -- [--redis-url redis://127.0.0.1:6379] [--port 8079] [--host 127.0.0.1] [--token TOKEN]
 *
 * Options fall back to REDIS_URL, UPSTASH_PROXY_PORT, UPSTASH_PROXY_HOST and UPSTASH_PROXY_TOKEN.
 * Without a token, a random one is generated and printed.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { startUpstashProxy } from "./server";

const { values } = parseArgs({
  options: {
    "redis-url": { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    token: { type: "string" },
  },
});

const redisUrl = values["redis-url"] ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const port = Number(values.port ?? process.env.UPSTASH_PROXY_PORT ?? "8079");
const host = values.host ?? process.env.UPSTASH_PROXY_HOST ?? "127.0.0.1";
const token =
  values.token ?? process.env.UPSTASH_PROXY_TOKEN ?? randomBytes(24).toString("base64url");

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Invalid port: ${values.port ?? process.env.UPSTASH_PROXY_PORT}`);
  process.exit(1);
}

/** The Redis URL with any password hidden, for logs. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

try {
  const proxy = await startUpstashProxy({ redisUrl, token, port, host });
  console.log(`Upstash-protocol proxy for ${withoutPassword(redisUrl)} listening on ${proxy.url}`);
  console.log("Point the app at it with:");
  console.log(`  UPSTASH_REDIS_REST_URL=${proxy.url}`);
  console.log(`  UPSTASH_REDIS_REST_TOKEN=${token}`);
  const stop = () => {
    proxy.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
