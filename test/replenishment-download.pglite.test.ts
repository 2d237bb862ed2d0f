import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadReplenishment } from "@/lib/inventory-insights/load-suggestions.server";
import {
  createSuggestionWorld,
  type SuggestionWorld,
} from "@/lib/inventory-insights/testing/suggestion-world";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";

// The replenishment CSV as a browser downloads it: session and database are stand-ins; the
// route wrapper, role check, validation, loader and SQL are real.
const state = vi.hoisted(() => ({
  user: null as SessionUser | null,
  prisma: null as PrismaClient | null,
}));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/lib/db/client.server", () => ({ getDb: async () => state.prisma }));

const { GET } = await import("@/app/api/admin/inventory/replenishment/route");

const download = (query: string) =>
  GET(new Request(`http://127.0.0.1/api/admin/inventory/replenishment?${query}`), {
    params: Promise.resolve({}),
  });

const HEADER = "supplier,node,sku,quantity,need,shortfall,available,inbound,units_sold";

const user = (role: Role, storeNodeId: string | null = null): SessionUser => ({
  id: `usr_${role.toLowerCase()}`,
  email: `${role.toLowerCase()}@test.dev`,
  name: role,
  role,
  storeNodeId,
});

describe("replenishment CSV download", () => {
  const db = useMigratedDatabase("pglite");
  let world: SuggestionWorld;
  beforeAll(async () => {
    state.prisma = db();
    world = await createSuggestionWorld(db(), new Date());
  });
  afterAll(() => {
    state.prisma = null;
  });
  beforeEach(() => {
    state.user = null;
  });

  /** What a refused download must leave untouched. */
  const books = async () => {
    const [levels, movements, transfers] = await Promise.all([
      db().stockLevel.findMany({ orderBy: [{ nodeId: "asc" }, { skuId: "asc" }] }),
      db().stockMovement.count(),
      db().transferOrder.count(),
    ]);
    return { levels, movements, transfers };
  };

  it("gives an admin the loader's suggestions as CSV, nodes and SKUs by code", async () => {
    state.user = user("ADMIN");
    const response = await download(`q=${world.suffix}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="replenishment-${shanghaiDayOf(new Date())}.csv"`,
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines.at(-1)).toBe("");

    const { groups, labels } = await loadReplenishment(db(), {
      filter: { skuQuery: world.suffix },
      windowDays: 28,
      now: new Date(),
    });
    const expected = groups
      .flatMap((g) => g.suggestions)
      .map((s) =>
        [
          labels.nodes[s.supplierNodeId]!.code,
          labels.nodes[s.nodeId]!.code,
          labels.skus[s.skuId]!.skuCode,
          s.quantity,
          s.need,
          s.shortfall,
          s.available,
          s.inbound,
          s.unitsSold,
        ].join(","),
      );
    expect(lines.slice(1, -1)).toEqual(expected);
    expect(lines.slice(1, -1)).toEqual([
      `${world.code("cw")},${world.code("sh2")},${world.sku("cap")},0,24,24,0,0,28`,
      `${world.code("cw")},${world.code("sh2")},${world.sku("tee")},16,16,0,5,3,28`,
      `${world.code("rwbj")},${world.code("bj1")},${world.sku("tee")},10,46,36,2,0,56`,
    ]);
  });

  it("takes the window, target and lead time from the query", async () => {
    state.user = user("ADMIN");
    const response = await download(`q=${world.suffix}&window=28&target=7&lead=0`);
    expect(response.status).toBe(200);
    const rows = (await response.text()).split("\r\n").slice(1, -1);
    expect(rows.map((r) => r.split(",").slice(1, 5))).toEqual([
      [world.code("sh2"), world.sku("cap"), "0", "7"],
      [world.code("bj1"), world.sku("tee"), "10", "12"],
    ]);
  });

  it("refuses anyone but an admin by role, and changes nothing", async () => {
    const before = await books();
    state.user = null;
    const anonymous = await download(`q=${world.suffix}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    for (const role of ["CONSUMER", "EMPLOYEE", "STORE_STAFF"] as const) {
      state.user = user(role, role === "STORE_STAFF" ? world.node("sh2") : null);
      const refused = await download(`q=${world.suffix}`);
      expect(refused.status, role).toBe(403);
      expect(refused.headers.get("content-type"), role).toMatch(/^application\/json/);
      expect(await refused.json(), role).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
    expect(await books()).toEqual(before);
  });

  it("refuses settings out of bounds as typed invalid input", async () => {
    state.user = user("ADMIN");
    const refused = async (query: string) => {
      const response = await download(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; fieldErrors: unknown } };
      expect(body.error.code, query).toBe("INVALID_INPUT");
      return body.error.fieldErrors;
    };
    expect(await refused("target=6")).toEqual({
      target: [{ problem: "TOO_SMALL", of: "number", minimum: 7, inclusive: true }],
    });
    expect(await refused("target=91&lead=61")).toEqual({
      target: [{ problem: "TOO_BIG", of: "number", maximum: 90, inclusive: true }],
      lead: [{ problem: "TOO_BIG", of: "number", maximum: 60, inclusive: true }],
    });
    expect(await refused("window=30")).toEqual({ window: [{ problem: "NOT_AN_OPTION" }] });
    expect(await refused("lead=1.5")).toEqual({ lead: [{ problem: "BAD_FORMAT" }] });
    expect(await refused("q=RN%00")).toEqual({ q: [{ problem: "BAD_CHARACTERS" }] });
    expect(await refused(`q=${"x".repeat(61)}`)).toEqual({
      q: [{ problem: "TOO_BIG", of: "text", maximum: 60, inclusive: true }],
    });
  });
});
