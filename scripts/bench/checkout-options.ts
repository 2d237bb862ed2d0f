import { parseArgs } from "node:util";

export const MODES = ["sell-out", "ample"] as const;
export type CheckoutMode = (typeof MODES)[number];

/** The benchmark's settings; every one has a flag and a default. */
export type CheckoutOptions = {
  mode: CheckoutMode;
  /** Consumer accounts created, signed in and sent to checkout. */
  shoppers: number;
  /** Shoppers pressing "Place order" at the same time. */
  concurrency: number;
  /** Units free at the store in sell-out mode. */
  units: number;
  /** Units of the SKU each shopper puts in the cart. */
  quantity: number;
  sku: string;
  store: string;
  port: number;
  /** Servers over the one database and Redis, on ports port, port+1, …; shoppers spread over them. */
  instances: number;
  distDir: string;
  build: boolean;
  postgresUrl: string;
  /** Give the server this Redis (REDIS_URL, Redis's own protocol). */
  redis: boolean;
  /** With `redis`: reach it through the Upstash-protocol proxy instead, as over Upstash's REST API. */
  redisRest: boolean;
  redisUrl: string;
  /** Also measure a bare Next.js server action on this machine: the floor for a press. */
  floor: boolean;
  /** Folder for the server's CPU profile; null: no profile. */
  cpuProfDir: string | null;
  /** Entries of the profile summary. */
  top: number;
};

export const CHECKOUT_HELP = `npm run bench:checkout -- [options]
  --mode sell-out|ample   sell-out: --units of one SKU for every shopper; ample: enough for all (sell-out)
  --shoppers N            consumer accounts that check out, once each (300)
  --concurrency N         shoppers pressing "Place order" at once (50)
  --units N               units free at the store in sell-out mode (100)
  --quantity N            units of the SKU in each cart (1)
  --sku CODE              the SKU on sale (LS-301-CRM-36)
  --store CODE            the pickup store (SH-001)
  --port N                port of the store's server (3400)
  --instances N           servers on ports --port, --port+1, … over the same database and Redis,
                          each shopper kept on one, as a load balancer would (1)
  --dist-dir DIR          build folder (.next-bench)
  --no-build              serve the existing build in --dist-dir
  --postgres-url URL      admin connection for the throwaway database (postgresql://postgres@127.0.0.1:5432/postgres)
  --redis                 give the server --redis-url over Redis's own protocol (REDIS_URL)
  --redis-rest            like --redis, but start the Upstash-protocol proxy in front of it and give the
                          server its address instead, as with Upstash's REST API
  --redis-url URL         the Redis for --redis (redis://127.0.0.1:6379)
  --floor                 then build and serve a bare Next.js app whose one action answers a refusal
                          at once, and call it 3,000 times as many at once: the floor for a press
  --cpu-prof DIR          profile the (first) server (node --cpu-prof) into DIR and print its top self times
  --top N                 entries of that summary (15)
Without --redis, UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, when set, are passed to the server.`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** Parses the command line; null when help was asked for. */
export function parseCheckoutOptions(argv: readonly string[]): CheckoutOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      mode: { type: "string" },
      shoppers: { type: "string" },
      concurrency: { type: "string" },
      units: { type: "string" },
      quantity: { type: "string" },
      sku: { type: "string" },
      store: { type: "string" },
      port: { type: "string" },
      instances: { type: "string" },
      "dist-dir": { type: "string" },
      "no-build": { type: "boolean" },
      "postgres-url": { type: "string" },
      redis: { type: "boolean" },
      "redis-rest": { type: "boolean" },
      "redis-url": { type: "string" },
      floor: { type: "boolean" },
      "cpu-prof": { type: "string" },
      top: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return null;
  const mode = values.mode ?? "sell-out";
  if (!MODES.some((m) => m === mode)) throw new Error(`--mode must be one of ${MODES.join(", ")}`);
  const port = positive("port", values.port, 3400);
  const instances = positive("instances", values.instances, 1);
  if (port + instances - 1 > 65_535)
    throw new Error("--port plus --instances must stay within 65535");
  return {
    mode: mode as CheckoutMode,
    shoppers: positive("shoppers", values.shoppers, 300),
    concurrency: positive("concurrency", values.concurrency, 50),
    units: positive("units", values.units, 100),
    quantity: positive("quantity", values.quantity, 1),
    sku: values.sku ?? "LS-301-CRM-36",
    store: values.store ?? "SH-001",
    port,
    instances,
    distDir: values["dist-dir"] ?? ".next-bench",
    build: !values["no-build"],
    postgresUrl: values["postgres-url"] ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    redis: (values.redis ?? false) || (values["redis-rest"] ?? false),
    redisRest: values["redis-rest"] ?? false,
    redisUrl: values["redis-url"] ?? "redis://127.0.0.1:6379",
    floor: values.floor ?? false,
    cpuProfDir: values["cpu-prof"] ?? null,
    top: positive("top", values.top, 15),
  };
}
