import { randomBytes } from "node:crypto";
import os from "node:os";
import { loadInventoryDashboard } from "@/lib/inventory-insights/load-inventory-dashboard.server";
import {
  loadReplenishment,
  loadTransferSuggestions,
} from "@/lib/inventory-insights/load-suggestions.server";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { HISTORY_DAYS } from "@/prisma/seed/history-plan";
import { historyOrderKeys } from "@/prisma/seed/history-rows";
import { seedBrand } from "./checkout-world";
import { BrowserSession } from "./checkout-shopper";
import { DASHBOARD_HELP, parseDashboardOptions, type DashboardOptions } from "./dashboard-options";
import {
  dashboardJson,
  formatDashboardTable,
  type RowCounts,
  type ViewFigures,
} from "./dashboard-report";
import { scaleHistorySql } from "./dashboard-scale";
import { dashboardViews, type DashboardView, type ViewPicks } from "./dashboard-views";
import { throwawayPostgres } from "./databases";
import { startBenchServer } from "./pages-server";
import { latencyOf } from "./stats";

// Progress goes to stderr, so stdout holds only the table and, last, the JSON line.
const say = (line: string) => process.stderr.write(`${line}\n`);

const load1 = () => Number(os.loadavg()[0]?.toFixed(2));

const ADMIN = { email: "admin@onepool.dev", password: "onepool-demo" };
// The locale comes from the cookie (next.config rewrites /x to /<locale>/x), never the path.
const PAGE = "/admin/inventory";

async function rowCounts(db: PrismaClient): Promise<RowCounts> {
  const [row] = await db.$queryRaw<{ orders: bigint; lines: bigint; movements: bigint }[]>`
    SELECT (SELECT count(*) FROM "Order") AS orders,
           (SELECT count(*) FROM "OrderLine") AS lines,
           (SELECT count(*) FROM "StockMovement") AS movements`;
  return {
    orders: Number(row?.orders ?? 0),
    orderLines: Number(row?.lines ?? 0),
    movements: Number(row?.movements ?? 0),
  };
}

async function columnsOf(db: PrismaClient, table: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ column_name: string }[]>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}
    ORDER BY ordinal_position`;
  return rows.map((r) => r.column_name);
}

/** Copies the seeded history (scale − 1) more times, in SQL, then refreshes the statistics. */
export async function scaleHistory(db: PrismaClient, scale: number, now: Date): Promise<void> {
  if (scale <= 1) return;
  const statements = scaleHistorySql({
    copies: scale - 1,
    now,
    historyDays: HISTORY_DAYS,
    orderIdPrefix: historyOrderKeys(0).id.replace(/\d+$/, ""),
    columns: {
      Order: await columnsOf(db, "Order"),
      OrderLine: await columnsOf(db, "OrderLine"),
      StockMovement: await columnsOf(db, "StockMovement"),
    },
  });
  await db.$transaction(
    async (tx) => {
      for (const sql of statements) {
        const started = performance.now();
        const count = await tx.$executeRawUnsafe(sql);
        say(
          `  ${sql.split(" (")[0]}: ${count} rows in ${Math.round(performance.now() - started)} ms`,
        );
      }
    },
    { maxWait: 30_000, timeout: 600_000 },
  );
  await db.$executeRawUnsafe("ANALYZE");
}

async function pickViews(db: PrismaClient, options: DashboardOptions): Promise<ViewPicks> {
  const [node] = await db.$queryRaw<{ id: string; code: string }[]>`
    SELECT "id", "code" FROM "Node"
    WHERE "active" AND (${options.store}::text IS NULL AND "city" = ${options.city}
      AND "type" = 'STORE_DIRECT' OR "code" = ${options.store})
    ORDER BY "code" LIMIT 1`;
  if (!node) throw new Error(`no store ${options.store ?? `of our own in ${options.city}`}`);
  // The category with the most products: the heaviest category view.
  const [category] = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT c."id", c."name" FROM "Category" c JOIN "Product" p ON p."categoryId" = c."id"
    GROUP BY c."id", c."name" ORDER BY count(*) DESC, c."id" LIMIT 1`;
  if (!category) throw new Error("no category with products");
  return { city: options.city, node, category, skuQuery: options.query };
}

async function runView(db: PrismaClient, view: DashboardView, now: Date): Promise<number> {
  const input = { windowDays: view.windowDays, now };
  if (view.kind === "transfers") {
    const r = await loadTransferSuggestions(db, input);
    return r.suggestions.length;
  }
  if (view.kind === "replenishment") {
    const r = await loadReplenishment(db, input);
    return r.groups.length;
  }
  const r = await loadInventoryDashboard(db, { ...input, filter: view.filter });
  return r.rows.length;
}

async function timed(runs: number, warmup: number, work: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return latencyOf(times);
}

/**
 * The same client, whose `$queryRaw` first runs EXPLAIN (ANALYZE, BUFFERS) of each statement and
 * hands the plan to `plan`: the loaders' own SQL, with their own parameters, profiled as sent.
 */
function explaining(db: PrismaClient, plan: (sql: string, lines: string[]) => void): PrismaClient {
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property !== "$queryRaw") return typeof value === "function" ? value.bind(target) : value;
      return async (strings: readonly string[], ...values: Prisma.Sql["values"]) => {
        const sql = Prisma.sql(strings, ...values);
        const rows = await target.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
          ...sql.values,
        );
        plan(
          sql.text,
          rows.map((r) => r["QUERY PLAN"]),
        );
        return target.$queryRaw(sql);
      };
    },
  });
}

async function explainViews(db: PrismaClient, views: readonly DashboardView[], now: Date) {
  for (const view of views.filter((v) => v.kind === "dashboard")) {
    say(`\n=== EXPLAIN: ${view.name} (${view.windowDays} days)`);
    await runView(
      explaining(db, (sql, lines) => {
        say(`--- ${sql.replace(/\s+/g, " ").slice(0, 120)}…`);
        for (const line of lines) say(line);
      }),
      view,
      now,
    );
  }
}

/** GETs of the page as a signed-in admin; the private GET of BrowserSession is reused. */
async function measureHttp(
  options: DashboardOptions,
  url: string,
  views: readonly DashboardView[],
  figures: Map<string, ViewFigures["http"]>,
): Promise<void> {
  say(`${options.build ? "building and starting" : "starting"} the app on port ${options.port}…`);
  const server = await startBenchServer({
    port: options.port,
    dataDir: ".data/bench-dashboard",
    distDir: options.distDir,
    build: options.build,
    env: {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SIGNIN_ATTEMPTS_PER_MINUTE: "1000",
    },
  });
  try {
    const session = new BrowserSession(server.baseUrl);
    const refused = await session.trySignIn(ADMIN.email, ADMIN.password);
    if (refused) throw new Error(`admin sign-in refused: ${refused}`);
    // BrowserSession sends its cookies on every request but offers no plain GET of its own.
    const get = (session as unknown as { expectOk(path: string): Promise<Response> }).expectOk.bind(
      session,
    );
    // A fresh server's own start-up work (the feed publisher's first pass over every SKU) runs
    // beside the first requests: one round over every view first lets it finish, so the first
    // view measured is not charged for it.
    for (const view of views) {
      if (view.httpQuery !== null) await (await get(`${PAGE}${view.httpQuery}`)).arrayBuffer();
    }
    for (const view of views) {
      if (view.httpQuery === null) continue;
      const path = `${PAGE}${view.httpQuery}`;
      say(`  GET ${path}`);
      figures.set(
        view.name,
        await timed(options.runs, options.warmup, async () => {
          const response = await get(path);
          await response.arrayBuffer();
        }),
      );
    }
  } finally {
    await server.stop();
  }
}

/** Runs the benchmark; resolves to the exit code (1 when a view missed the target). */
export async function main(argv: readonly string[]): Promise<number> {
  let options: DashboardOptions | null;
  try {
    options = parseDashboardOptions(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)} (--help lists them)`);
    return 2;
  }
  if (!options) {
    console.log(DASHBOARD_HELP);
    return 0;
  }
  say("creating a throwaway PostgreSQL database…");
  const db = await throwawayPostgres(options.postgresUrl, 10);
  try {
    const now = new Date();
    say(`seeding the demo brand into ${db.label}…`);
    await seedBrand(db.prisma, say);
    await db.prisma.$executeRawUnsafe("ANALYZE");
    const before = await rowCounts(db.prisma);
    say(`scaling the history to ${options.scale}×…`);
    await scaleHistory(db.prisma, options.scale, now);
    const after = await rowCounts(db.prisma);
    const views = dashboardViews(await pickViews(db.prisma, options));
    if (options.explain) await explainViews(db.prisma, views, now);

    const loadAtStart = load1();
    const figures: ViewFigures[] = [];
    for (const view of views) {
      say(`measuring ${view.name} (${view.windowDays} days)…`);
      const server = await timed(options.runs, options.warmup, () => runView(db.prisma, view, now));
      figures.push({ ...view, runs: options.runs, server, http: null });
    }
    const loadAtEnd = load1();
    let httpSkipped: string | null = "not asked for (--http)";
    let httpFailed = false;
    if (options.http) {
      try {
        if (!db.url) throw new Error("the throwaway database has no URL");
        const http = new Map<string, ViewFigures["http"]>();
        await measureHttp(options, db.url, views, http);
        for (const f of figures) f.http = http.get(f.name) ?? null;
        httpSkipped = null;
      } catch (error) {
        // The server time is still worth reporting when the page could not be measured.
        httpFailed = true;
        httpSkipped = `failed: ${error instanceof Error ? error.message : String(error)}`;
        say(`HTTP mode ${httpSkipped}`);
      }
    }
    const run = {
      scale: options.scale,
      rows: { before, after },
      views: figures,
      warmup: options.warmup,
      httpSkipped,
      load1: { atStart: loadAtStart, atEnd: loadAtEnd },
      cpus: os.cpus().length,
      database: "PostgreSQL (throwaway)",
    };
    console.log(formatDashboardTable(run));
    const json = dashboardJson(run);
    console.log(JSON.stringify(json));
    return json.pass && !httpFailed ? 0 : 1;
  } finally {
    say("dropping the throwaway database…");
    await db.dispose();
  }
}
