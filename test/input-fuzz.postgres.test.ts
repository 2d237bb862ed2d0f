import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { ROLES, type Role, type SessionUser } from "@/lib/auth/roles";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import { createThrowawayPostgres, describeIfPostgres } from "@/lib/db/testing/databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoData } from "@/prisma/seed/write-seed";
import { ACTION_TABLE } from "./fuzz/action-table";
import { hugeText, junkText } from "./fuzz/bad-values";
import { fingerprint, type Fingerprint } from "./fuzz/database-fingerprint";
import {
  junkObject,
  namesRows,
  plausibleObject,
  spoiledObject,
  type SeedIds,
} from "./fuzz/input-shapes";
import { ROUTE_TABLE, type RouteCall } from "./fuzz/route-table";

// Every server action and route handler, called as Next would call them against the demo brand
// in PostgreSQL, with generated bad input: each answer must be a typed refusal (never INTERNAL,
// never a 5xx) and the database must hold exactly what it held before. Only the session, the
// cookies and the cache layer are stand-ins.

const WEBHOOK_SECRET = "whsec_fuzz_secret";
vi.hoisted(() => {
  // Set before lib/env.ts is first imported, so the webhook checks signatures (hoisted code
  // cannot read WEBHOOK_SECRET, hence the repeated literal).
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_fuzz_secret";
});
vi.mock(
  "next/headers",
  async () => (await import("@/lib/http/testing/request-stand-ins")).nextHeaders,
);
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  unstable_cache: <F>(fn: F) => fn,
}));
vi.mock(
  "@/lib/auth/session.server",
  async () => (await import("@/lib/http/testing/request-stand-ins")).session,
);
vi.mock(
  "@/lib/db/client.server",
  async () => (await import("@/lib/http/testing/request-stand-ins")).dbClient,
);
const { request: state } = await import("@/lib/http/testing/request-stand-ins");

// Fixed, so a failure replays exactly; bounded, so the file stays well under a minute.
const SEED = 20_261_204;
const RUNS = 40;

const USERS: Record<Role, SessionUser> = {
  CONSUMER: user("usr_consumer", "CONSUMER"),
  EMPLOYEE: user("usr_employee", "EMPLOYEE"),
  STORE_STAFF: { ...user("usr_staff", "STORE_STAFF"), storeNodeId: "node_SH-001" },
  ADMIN: user("usr_admin", "ADMIN"),
};

function user(id: string, role: Role): SessionUser {
  return { id, email: `${id}@onepool.dev`, name: id, role, storeNodeId: null };
}

function actAs(caller: Role | "anonymous"): void {
  state.user = caller === "anonymous" ? null : USERS[caller];
  state.jar.clear();
}

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/** Every function exported by a lib/<domain>/actions.ts, keyed `<domain>/<export>`. */
async function discoverActions(): Promise<Map<string, Action>> {
  const found = new Map<string, Action>();
  const lib = path.join(process.cwd(), "lib");
  for (const domain of readdirSync(lib).sort()) {
    if (!existsSync(path.join(lib, domain, "actions.ts"))) continue;
    const exported = (await import(`@/lib/${domain}/actions`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") found.set(`${domain}/${name}`, value as Action);
    }
  }
  return found;
}

/** Every folder under app/api with a route.ts, except next-auth's own. */
function discoverRoutes(dir = path.join(process.cwd(), "app", "api"), prefix = ""): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const key = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (key === "auth") continue;
    if (existsSync(path.join(dir, entry.name, "route.ts"))) routes.push(key);
    routes.push(...discoverRoutes(path.join(dir, entry.name), key));
  }
  return routes.sort();
}

async function loadSeedIds(db: PrismaClient): Promise<SeedIds> {
  const [skus, nodes, channels, coupons, orders, tasks, styles, employees, policies] =
    await Promise.all([
      db.sku.findMany({ take: 20, select: { id: true, skuCode: true, barcode: true } }),
      db.node.findMany({ take: 10, select: { id: true } }),
      db.channel.findMany({ select: { code: true } }),
      db.coupon.findMany({ select: { code: true } }),
      db.order.findMany({
        where: { userId: USERS.CONSUMER.id },
        take: 10,
        select: { orderNo: true, lines: { select: { id: true } } },
      }),
      db.fulfilmentOrder.findMany({
        where: { nodeId: USERS.STORE_STAFF.storeNodeId! },
        take: 10,
        select: { id: true, lines: { select: { id: true } } },
      }),
      db.product.findMany({ take: 10, select: { styleCode: true } }),
      db.employee.findMany({ select: { id: true } }),
      db.employeeQuotaPolicy.findMany({ select: { id: true } }),
    ]);
  return {
    skuIds: skus.map((s) => s.id),
    skuCodes: skus.map((s) => s.skuCode),
    barcodes: skus.map((s) => s.barcode),
    nodeIds: nodes.map((n) => n.id),
    channelCodes: channels.map((c) => c.code),
    couponCodes: coupons.map((c) => c.code),
    orderNos: orders.map((o) => o.orderNo),
    orderLineIds: orders.flatMap((o) => o.lines.map((l) => l.id)),
    fulfilmentOrderIds: tasks.map((t) => t.id),
    fulfilmentLineIds: tasks.flatMap((t) => t.lines.map((l) => l.id)),
    styleCodes: styles.map((s) => s.styleCode),
    employeeIds: employees.map((e) => e.id),
    quotaPolicyIds: policies.map((p) => p.id),
  };
}

/** fc.assert with a counterexample cut short: a 100 KB string would drown the report. */
async function check<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns = RUNS,
): Promise<void> {
  const outcome = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed: SEED, numRuns });
  if (!outcome.failed) return;
  const example = JSON.stringify(outcome.counterexample, (_key, value: unknown) =>
    typeof value === "string" && value.length > 200
      ? `${value.slice(0, 60)}…(${value.length} chars)`
      : value,
  );
  throw new Error(`${String(outcome.errorInstance)}\nfor ${example.slice(0, 2000)}`);
}

function describeResult(result: ActionResult<unknown>): string {
  return result.ok ? "ok" : `${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`;
}

function hasBadCharacterProblem(result: ActionResult<unknown>): boolean {
  if (result.ok || result.code !== "INVALID_INPUT") return false;
  return Object.values(result.fieldErrors ?? {}).some((problems) =>
    problems.some((p) => p.problem === "BAD_CHARACTERS"),
  );
}

function requestOf(key: string, method: string, call: RouteCall): Request {
  const url = new URL(`http://127.0.0.1:3000/api/${key}`);
  for (const [name, value] of call.query) url.searchParams.append(name, value);
  const headers = new Headers(call.headers);
  if (call.signBody && call.body !== undefined) {
    headers.set(
      "stripe-signature",
      Stripe.webhooks.generateTestHeaderString({ payload: call.body, secret: WEBHOOK_SECRET }),
    );
  }
  return new Request(url, { method, headers, body: method === "GET" ? undefined : call.body });
}

describeIfPostgres("input fuzz: every action and route handler refuses bad input", () => {
  let database: Database;
  let drop: () => Promise<void>;
  let ids: SeedIds;
  let before: Fingerprint;
  let actions: Map<string, Action>;
  const errors = vi.spyOn(console, "error");

  beforeAll(async () => {
    const pg = await createThrowawayPostgres();
    drop = pg.drop;
    const target = { kind: "postgres" as const, url: pg.url };
    await deployMigrations(target);
    database = await openDatabase(target);
    await seedDemoData(database.prisma);
    state.prisma = database.prisma;
    ids = await loadSeedIds(database.prisma);
    actions = await discoverActions();
    before = await fingerprint(database.prisma);
    // An INTERNAL refusal logs its cause; the assertions report it, the log would only repeat it.
    errors.mockImplementation(() => {});
  });

  afterAll(async () => {
    errors.mockRestore();
    state.prisma = null;
    await database?.close();
    await drop?.();
  });

  it("has a fuzz table entry for every exported action, and no entry without an action", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTION_TABLE).sort());
  });

  it("has a fuzz table entry for every route handler file", () => {
    expect(discoverRoutes()).toEqual(Object.keys(ROUTE_TABLE).sort());
  });

  it("drives the actions with real rows of the seed", () => {
    for (const [kind, pool] of Object.entries(ids)) expect(pool.length, kind).toBeGreaterThan(0);
  });

  /** Runs `work`, then checks that the database holds exactly what it held before. */
  async function unchangedBy(work: () => Promise<void>): Promise<void> {
    const start = await fingerprint(database.prisma);
    await work();
    expect(await fingerprint(database.prisma)).toEqual(start);
  }

  it.each(Object.keys(ACTION_TABLE))("%s refuses generated bad input", async (name) => {
    const action = actions.get(name)!;
    const spec = ACTION_TABLE[name]!;
    const poisoned = fc.oneof(...spec.shapes.map((shape) => spoiledObject(shape, ids)));
    const junk = fc.oneof(
      { weight: 4, arbitrary: fc.oneof(...spec.shapes.map((shape) => junkObject(shape, ids))) },
      // Real rows with one 100 KB value in place of a field.
      {
        weight: 2,
        arbitrary: fc.oneof(...spec.shapes.map((s) => spoiledObject(s, ids, hugeText, false))),
      },
      // Well-formed input naming rows that do not exist.
      ...spec.shapes
        .filter(namesRows)
        .map((shape) => ({ weight: 3, arbitrary: plausibleObject(shape, ids, false) })),
      { weight: 1, arbitrary: fc.oneof(junkText, fc.constant(undefined)) },
    );
    await unchangedBy(async () => {
      for (const caller of spec.callers) {
        await check(poisoned, async (raw) => {
          actAs(caller);
          const result = await action(raw);
          // Text the database cannot store is refused by name before any query.
          expect(hasBadCharacterProblem(result), `${caller}: ${describeResult(result)}`).toBe(true);
        });
        await check(junk, async (raw) => {
          actAs(caller);
          const result = await action(raw);
          if (result.ok) expect(spec.readOnly, `${caller} succeeded`).toBe(true);
          else expect(result.code, `${caller}: ${describeResult(result)}`).not.toBe("INTERNAL");
        });
      }
    });
  });

  it.each(Object.keys(ACTION_TABLE))("%s refuses every other role", async (name) => {
    const action = actions.get(name)!;
    const spec = ACTION_TABLE[name]!;
    const others = (["anonymous", ...ROLES] as const).filter((c) => !spec.callers.includes(c));
    const inputs = spec.shapes.flatMap((shape) =>
      fc.sample(plausibleObject(shape, ids, true), { seed: SEED, numRuns: 3 }),
    );
    await unchangedBy(async () => {
      for (const caller of others) {
        for (const raw of inputs) {
          actAs(caller);
          const result = await action(raw);
          expect(result.ok ? "ok" : result.code, caller).toBe(
            caller === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN",
          );
        }
      }
    });
  });

  it.each(Object.keys(ROUTE_TABLE))(
    "api/%s answers generated bad requests with a 4xx",
    async (key) => {
      const spec = ROUTE_TABLE[key]!;
      const routeModule = (await import(`@/app/api/${key}/route`)) as Record<
        string,
        (request: Request, context?: unknown) => Promise<Response>
      >;
      await unchangedBy(async () => {
        for (const method of spec.methods) {
          const handler = routeModule[method]!;
          await check(
            spec.calls,
            async (call) => {
              actAs(call.caller);
              const response = await handler(requestOf(key, method, call), {
                params: Promise.resolve(call.params ?? {}),
              });
              await response.body?.cancel();
              expect(response.status, method).toBeGreaterThanOrEqual(400);
              expect(response.status, method).toBeLessThan(500);
            },
            RUNS * 2,
          );
        }
      });
    },
  );

  it("answers the channel feed for a %00 code 400 naming the code, to an admin and a token", async () => {
    const { GET } = await import("@/app/api/channels/[code]/stock/route");
    for (const [caller, headers] of [
      ["ADMIN", {}],
      ["anonymous", { authorization: "Bearer some-token" }],
    ] as const) {
      actAs(caller);
      // Next hands the handler the decoded segment: `%00` arrives as U+0000.
      const request = new Request("http://127.0.0.1:3000/api/channels/%00/stock", { headers });
      const response = await GET(request, { params: Promise.resolve({ code: "\u0000" }) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: "INVALID_INPUT", fieldErrors: { code: [{ problem: "BAD_CHARACTERS" }] } },
      });
    }
  });

  it("searches admin orders for a term with U+0000 without throwing, ignoring the term", async () => {
    const { listOrders, orderListQuery } = await import("@/lib/admin/list-orders.server");
    const query = orderListQuery.parse({ q: "ORD\u0000", page: "1" });
    expect(query.q).toBeUndefined();
    const result = await listOrders(database.prisma, query);
    expect(result.total).toBeGreaterThan(2000);
  });

  it("refuses an action field holding U+0000 as INVALID_INPUT naming the field", async () => {
    actAs("CONSUMER");
    const payDemo = actions.get("payments/payDemo")!;
    expect(await payDemo({ orderNo: `${ids.orderNos[0]}\u0000` })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "Some fields contain characters that cannot be stored.",
      fieldErrors: { orderNo: [{ problem: "BAD_CHARACTERS" }] },
    });
  });

  it("leaves the database as the seed made it and logged no unexpected error", async () => {
    expect(await fingerprint(database.prisma)).toEqual(before);
    expect(errors).not.toHaveBeenCalled();
  });
});
