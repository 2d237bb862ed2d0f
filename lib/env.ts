import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** One trusted proxy range: an address and how many leading bits of it must match. */
export type AddressRange = { address: string; prefix: number; family: "ipv4" | "ipv6" };

/** Parses `10.0.0.0/8`, `::1` or `fd00::/8`; null when it is neither an address nor a range. */
export function parseAddressRange(text: string): AddressRange | null {
  const [address = "", prefixText, extra] = text.split("/");
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(bits)) || prefix > bits) return null;
  return { address, prefix, family: version === 4 ? "ipv4" : "ipv6" };
}

/**
 * The one place that reads the process environment. Everything else imports `env`.
 * Validated once, at first import, so a bad setting fails at boot with a clear message.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. When absent, the embedded database (PGlite) is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Folder of the embedded database. */
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  /** Signs session tokens. Required in production with PostgreSQL; generated for the embedded default. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Redis over its own protocol (redis:// or rediss://); takes precedence over Upstash's REST API. */
  REDIS_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
  ),
  UPSTASH_REDIS_REST_URL: z.string().url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().startsWith("sk_").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_API_BASE: z.string().url().optional(),
  /** Port `npm start` serves on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * Sign-in attempts allowed per minute per account and address; one account takes ten times as
   * many per five minutes from all addresses together, one address six times as many per minute.
   */
  SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  /**
   * Proxies (addresses or CIDR ranges, comma-separated) whose `X-Forwarded-For` names the client.
   * Empty: the client is the socket's peer and `X-Forwarded-For` is ignored.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list, ctx) => {
      const ranges = list
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "")
        .map(parseAddressRange);
      if (ranges.some((range) => range === null)) {
        ctx.addIssue({
          code: "custom",
          message: "must be addresses or CIDR ranges, comma-separated",
        });
        return z.NEVER;
      }
      return ranges.filter((range) => range !== null);
    }),
  /** Bearer token a scheduler presents to /api/cron/* routes; without it only admins may call them. */
  CRON_SECRET: z.string().min(16).optional(),
  /** How often (ms) the channel feed publisher looks at the ledger without being notified. */
  FEED_PUBLISH_INTERVAL_MS: z.coerce.number().int().min(20).max(60_000).default(250),
  /** How often (ms) the server releases expired holds by itself, besides the cron route. */
  HOLD_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  /** Unpaid pickup holds are released after this many minutes. */
  PICKUP_HOLD_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /**
   * End-to-end tests only: lets `/checkout?holdSeconds=N` place an order whose real hold lasts N
   * seconds, so the expiry path can be watched without shortening every other order's hold.
   */
  E2E_SHORT_HOLDS: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /** Pickups ready but not collected for this many days are cancelled, restocked and refunded. */
  PICKUP_UNCOLLECTED_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Goods can be returned for this many days after the order was delivered or collected. */
  RETURN_WINDOW_DAYS: z.coerce.number().int().positive().max(3650).default(30),
});

function parseEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = parseEnv();
export type Env = typeof env;

/** Absolute path of the embedded database folder. */
export function pgliteDataDir(): string {
  // Resolved at run time from the configured folder; not a file the bundler should trace.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DATA_DIR);
}
