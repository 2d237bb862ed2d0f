import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { lowestBalance, watchLowest } from "./checks";
import { actionIdOf, type ServerReferenceManifest } from "./checkout-action";
import { measureActionFloor, type ActionFloor } from "./checkout-floor";
import { pressFigures, type Press } from "./checkout-figures";
import { CHECKOUT_HELP, parseCheckoutOptions, type CheckoutOptions } from "./checkout-options";
import {
  mainThreadProfile,
  summariseProfile,
  type CpuProfile,
  type ProfileSummary,
  type ProfileWindow,
} from "./checkout-profile";
import { redisForServer } from "./checkout-redis";
import { checkoutJson, formatCheckoutTable } from "./checkout-report";
import { BrowserSession, type ActionIds } from "./checkout-shopper";
import { ledgerMismatches, oversoldUnits, problemsOf } from "./checkout-verdict";
import {
  createShoppers,
  DEMO_PASSWORD,
  findTarget,
  lastMovementId,
  movementsAfter,
  ordersOf,
  readLevels,
  seedBrand,
  setStock,
  webAts,
  type SaleTarget,
} from "./checkout-world";
import { cpuPerPress, sampleCpu } from "./cpu-usage";
import { throwawayPostgres } from "./databases";
import { drive } from "./drive";
import { startBenchServer, type BenchServer } from "./pages-server";

// Progress goes to stderr, so stdout holds only the table and, last, the JSON line.
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Free units that let every shopper buy in ample mode, with room for the channel's buffer. */
function ampleUnits(options: CheckoutOptions): number {
  return options.shoppers * options.quantity + 20;
}

async function readActionIds(distDir: string): Promise<ActionIds> {
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as ServerReferenceManifest;
  return {
    addToCart: actionIdOf(manifest, "lib/cart/actions.ts", "addToCart"),
    placeCheckoutOrder: actionIdOf(manifest, "lib/checkout/actions.ts", "placeCheckoutOrder"),
  };
}

/**
 * The newest `.cpuprofile` in the folder, summarised over the presses (the window, counted back
 * from the profile's end, which is when the server exited) and over the server's whole life.
 */
async function readProfile(
  dir: string,
  top: number,
  window: ProfileWindow,
): Promise<{ presses: ProfileSummary; whole: ProfileSummary } | null> {
  const newest = mainThreadProfile(await readdir(dir));
  if (!newest) return null;
  say(`reading the server's profile ${path.join(dir, newest)}…`);
  const profile = JSON.parse(await readFile(path.join(dir, newest), "utf8")) as CpuProfile;
  return {
    presses: summariseProfile(profile, top, process.cwd(), window),
    whole: summariseProfile(profile, top, process.cwd()),
  };
}

/** Runs `work` for each index with `concurrency` at once; throws the first failure. */
async function forEachShopper(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<void> {
  const run = await drive({
    attempts: count,
    concurrency,
    deadlineMs: Number.POSITIVE_INFINITY,
    attempt: async (index) => {
      await work(index);
      return { ok: true, units: 0 };
    },
  });
  if (run.errors > 0 || Object.keys(run.refusals).length > 0)
    throw new Error(`${run.errors} shopper(s) failed to get ready: ${run.firstError ?? ""}`);
}

/** Calls of the floor action measured (after 500 unrecorded). */
const FLOOR_CALLS = 3_000;

/** The floor, on a quiet machine (the store's servers have stopped); null, said why, when it fails. */
async function measureFloor(options: CheckoutOptions): Promise<ActionFloor | null> {
  say("building and serving the floor: a bare Next.js server action…");
  try {
    return await measureActionFloor({
      port: Math.min(options.port + options.instances + 10, 65_535),
      calls: FLOOR_CALLS,
      concurrency: options.concurrency,
    });
  } catch (error) {
    say(
      `the floor could not be measured: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}

const paths = (target: SaleTarget) => ({
  product: `/products/${encodeURIComponent(target.styleCode)}?${new URLSearchParams({ colour: target.color, size: target.size })}`,
  checkout: `/checkout?${new URLSearchParams({ store: target.storeCode })}`,
});

/** Runs the benchmark; resolves to the exit code (1 when the run was not sound). */
export async function main(argv: readonly string[]): Promise<number> {
  let options: CheckoutOptions | null;
  try {
    options = parseCheckoutOptions(argv);
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)} (--help lists the options)`,
    );
    return 2;
  }
  if (!options) {
    console.log(CHECKOUT_HELP);
    return 0;
  }
  const cleanups: (() => Promise<void>)[] = [];
  try {
    say("creating a throwaway PostgreSQL database…");
    const db = await throwawayPostgres(options.postgresUrl, 10);
    cleanups.push(() => db.dispose());
    if (!db.url) throw new Error("the throwaway database has no URL");
    say(`seeding the demo brand into ${db.label}…`);
    await seedBrand(db.prisma, say);
    const target = await findTarget(db.prisma, { skuCode: options.sku, storeCode: options.store });
    const unitsFree = options.mode === "sell-out" ? options.units : ampleUnits(options);
    await setStock(db.prisma, target, unitsFree, options.shoppers);
    const channelMaySell = await webAts(db.prisma, target);
    const canBuy = Math.floor(channelMaySell / options.quantity);
    if (options.mode === "ample" && canBuy < options.shoppers)
      throw new Error(`ample mode: the channel may sell ${channelMaySell}, too few for everyone`);
    const expectedSuccesses = Math.min(options.shoppers, canBuy);
    say(`${unitsFree} units free at ${options.store}; the web channel may sell ${channelMaySell}`);
    const shoppers = await createShoppers(db.prisma, options.shoppers);

    const redis = await redisForServer(options);
    cleanups.push(() => redis.close());
    await redis.clearGate([target.skuId]);
    cleanups.push(() => redis.clearGate([target.skuId]));
    const cpuProfDir = options.cpuProfDir ? path.resolve(options.cpuProfDir) : null;
    if (cpuProfDir) await mkdir(cpuProfDir, { recursive: true });
    const ports = Array.from({ length: options.instances }, (_, i) => options.port + i);
    say(
      `${options.build ? "building and starting" : "starting"} the store on port${ports.length > 1 ? "s" : ""} ${ports.join(", ")}…`,
    );
    const serverEnv = {
      DATABASE_URL: db.url,
      // One secret for every instance: a session signed by one is valid on all.
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SIGNIN_ATTEMPTS_PER_MINUTE: "1000",
      // Without Stripe, checkout uses the demo payment provider.
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: undefined,
      ...redis.env,
    };
    const servers: BenchServer[] = [];
    let serversStopped = false;
    const stopServers = async () => {
      if (serversStopped) return;
      serversStopped = true;
      await Promise.all(servers.map((server) => server.stop()));
    };
    cleanups.push(stopServers);
    // One after another: the first builds and migrates, the others serve its build.
    for (const [i, port] of ports.entries()) {
      servers.push(
        await startBenchServer({
          port,
          dataDir: ".data/bench-checkout",
          distDir: options.distDir,
          build: options.build && i === 0,
          env: serverEnv,
          serverNodeArgs:
            cpuProfDir && i === 0 ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [],
        }),
      );
    }

    const actions = await readActionIds(options.distDir);
    const at = paths(target);
    // Each shopper stays on one server, as behind a load balancer that spreads connections.
    const sessions = shoppers.map(
      (_, i) => new BrowserSession(servers[i % servers.length]!.baseUrl, actions),
    );
    const keys: string[] = [];
    say(`signing in ${shoppers.length} shoppers, filling their carts, opening checkout…`);
    const readyStarted = performance.now();
    await forEachShopper(shoppers.length, options.concurrency, async (i) => {
      const shopper = shoppers[i];
      const session = sessions[i];
      if (!shopper || !session) return;
      await session.signIn(shopper.email, DEMO_PASSWORD);
      await session.addToCart(at.product, target.skuId, options.quantity);
      keys[i] = await session.openCheckout(at.checkout);
    });
    say(`  ready in ${((performance.now() - readyStarted) / 1000).toFixed(1)} s`);

    const levelsBefore = await readLevels(db.prisma, target.skuId);
    const movementsFrom = await lastMovementId(db.prisma);
    say(`${shoppers.length} shoppers press "Place order", ${options.concurrency} at once…`);
    const presses: Press[] = [];
    const groups = servers.flatMap((server) => (server.group === null ? [] : [server.group]));
    const cpuBefore = sampleCpu(groups);
    const beganAt = Date.now();
    const begin = performance.now();
    const { result: run, lowest } = await watchLowest(
      () => lowestBalance(db.prisma, target.skuId),
      100,
      () =>
        drive({
          attempts: shoppers.length,
          concurrency: options.concurrency,
          deadlineMs: Number.POSITIVE_INFINITY,
          attempt: async (i) => {
            const started = performance.now();
            const record = (outcome: Press["outcome"], code?: string) => {
              const end = performance.now();
              presses.push({ outcome, code, endMs: end - begin, latencyMs: end - started });
            };
            try {
              const answer = await sessions[i]!.placePickupOrder(at.checkout, {
                idempotencyKey: keys[i]!,
                storeNodeId: target.storeNodeId,
                contactName: shoppers[i]!.name,
              });
              record(answer.ok ? "placed" : "refused", answer.ok ? undefined : answer.code);
              return answer.ok
                ? { ok: true, units: options.quantity }
                : { ok: false, code: answer.code };
            } catch (error) {
              record("error", error instanceof Error ? error.message.slice(0, 80) : "error");
              throw error;
            }
          },
        }),
    );
    const endedAt = Date.now();
    const cpu = cpuPerPress(cpuBefore, sampleCpu(groups), presses.length);
    const figures = pressFigures(presses, run.wallMs);
    const load1 = Number(os.loadavg()[0]?.toFixed(2));
    if (run.firstError) say(`first error: ${run.firstError}`);

    say("checking the database…");
    const levelsAfter = await readLevels(db.prisma, target.skuId);
    const deltas = await movementsAfter(db.prisma, target.skuId, movementsFrom);
    const books = await reconcileLedger(db.prisma, { skuIds: [target.skuId] });
    const ledgerProblems = [
      ...ledgerMismatches(levelsBefore, levelsAfter, deltas),
      ...books.map((m) => JSON.stringify(m)),
    ];
    const orders = await ordersOf(db.prisma, shoppers, target.skuId);
    const oversold = Math.max(oversoldUnits(levelsAfter), -Math.min(0, lowest));
    const problems = problemsOf({
      successes: figures.successes,
      expectedSuccesses,
      oversold,
      ledgerProblems,
      ordersPerShopper: orders.perShopper,
      heldUnits: orders.heldUnits,
      unitsPerOrder: options.quantity,
    });
    if (figures.errors > 0) problems.push(`${figures.errors} presses failed: ${run.firstError}`);

    const stoppedAt = Date.now();
    await stopServers();
    const pressWindow = {
      fromMsBeforeEnd: stoppedAt - beganAt,
      toMsBeforeEnd: stoppedAt - endedAt,
    };
    const profile = cpuProfDir ? await readProfile(cpuProfDir, options.top, pressWindow) : null;
    // On a quiet machine: the store's servers have stopped.
    const floor = options.floor ? await measureFloor(options) : null;
    // Kept beside the profile, so the presses can be looked at in any profile viewer or script.
    if (cpuProfDir)
      await writeFile(path.join(cpuProfDir, "press-window.json"), JSON.stringify(pressWindow));
    const result = {
      options,
      unitsFree,
      channelMaySell,
      expectedSuccesses,
      figures,
      oversold,
      ledgerOk: ledgerProblems.length === 0,
      problems,
      redis: redis.label,
      load1,
      cpu,
      cpus: os.cpus().length,
      node: process.version,
      floor,
      profile,
    };
    console.log(formatCheckoutTable(result));
    console.log(JSON.stringify(checkoutJson(result)));
    return problems.length === 0 ? 0 : 1;
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => say(`cleanup failed: ${String(error)}`));
    }
  }
}
