import { parseArgs } from "node:util";

export type DashboardOptions = {
  /** The history's size over the demo seed's (1: the seed as it is). */
  scale: number;
  runs: number;
  warmup: number;
  city: string;
  store: string | null;
  query: string;
  /** Also measure the page over HTTP on the production server. */
  http: boolean;
  port: number;
  distDir: string;
  build: boolean;
  /** Print EXPLAIN (ANALYZE, BUFFERS) of the dashboard's SQL (to stderr) before measuring. */
  explain: boolean;
  postgresUrl: string;
};

export const DASHBOARD_HELP = `usage: npm run bench:dashboard -- [options]
  --scale N               history size over the demo seed's (10)
  --runs N                measured runs per view, after the warm-up (30)
  --warmup N              unmeasured runs per view first (3)
  --city NAME             the city view (Shanghai)
  --store CODE            the store view (the first of the city's own stores)
  --q TEXT                the SKU search (RN-1)
  --explain               print EXPLAIN (ANALYZE, BUFFERS) of the dashboard's SQL to stderr
  --http                  also GET /admin/inventory per view on the production server
  --port N                the server's port in HTTP mode (3310)
  --dist-dir DIR          build folder (.next-bench-dashboard)
  --no-build              serve the existing build in --dist-dir
  --postgres-url URL      admin connection for the throwaway database (postgresql://postgres@127.0.0.1:5432/postgres)`;

function whole(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}`);
  return value;
}

/** The options from the command line; null when --help was asked. Throws on a bad value. */
export function parseDashboardOptions(argv: readonly string[]): DashboardOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: "string" },
      runs: { type: "string" },
      warmup: { type: "string" },
      city: { type: "string" },
      store: { type: "string" },
      q: { type: "string" },
      explain: { type: "boolean" },
      http: { type: "boolean" },
      port: { type: "string" },
      "dist-dir": { type: "string" },
      "no-build": { type: "boolean" },
      "postgres-url": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return null;
  const port = whole("port", values.port, 3310, 1);
  if (port > 65_535) throw new Error("--port must be at most 65535");
  return {
    scale: whole("scale", values.scale, 10, 1),
    runs: whole("runs", values.runs, 30, 1),
    warmup: whole("warmup", values.warmup, 3, 0),
    city: values.city ?? "Shanghai",
    store: values.store ?? null,
    query: values.q ?? "RN-1",
    http: values.http ?? false,
    port,
    distDir: values["dist-dir"] ?? ".next-bench-dashboard",
    build: !values["no-build"],
    explain: values.explain ?? false,
    postgresUrl: values["postgres-url"] ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  };
}
