import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  book,
  createOrder,
  createSettlementWorld,
  type SettlementWorld,
} from "@/lib/settlement/testing/settlement-world";

// The statement downloads as a browser calls them: session and database are stand-ins; the
// route wrapper, role check, validation, organisation scope and SQL are real.
const state = vi.hoisted(() => ({
  user: null as SessionUser | null,
  prisma: null as PrismaClient | null,
}));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/lib/db/client.server", () => ({ getDb: async () => state.prisma }));

const storeRoute = await import("@/app/api/store/settlement/statement/route");
const adminRoute = await import("@/app/api/admin/settlement/statement/route");

const download = (route: typeof storeRoute, query: string) =>
  route.GET(new Request(`http://127.0.0.1/api/settlement?${query}`), {
    params: Promise.resolve({}),
  });

const HEADER =
  "organization_code,organization,period,sales_yuan,fees_yuan,commissions_yuan,employee_discount_yuan,refunds_yuan,net_yuan";

describe("settlement statement downloads", () => {
  const db = useMigratedDatabase("pglite");
  let world: SettlementWorld;
  beforeAll(async () => {
    state.prisma = db();
    world = await createSettlementWorld(db());
    const order = await createOrder(db(), world, 0);
    const at = (iso: string) => new Date(iso);
    await book(db(), order.id, [
      [world.orgA, "SALES_CREDIT", 10_000, at("2031-03-31T15:59:00Z")],
      [world.orgA, "FULFILMENT_FEE", -600, at("2031-03-31T15:59:00Z")],
      [world.orgB, "FULFILMENT_FEE", 600, at("2031-03-31T15:59:00Z")],
      [world.orgA, "REFUND", -5_000, at("2031-04-20T03:00:00Z")],
      [world.orgA, "FULFILMENT_FEE", 150, at("2031-04-20T03:00:00Z")],
      [world.orgB, "FULFILMENT_FEE", -150, at("2031-04-20T03:00:00Z")],
    ]);
  });
  afterAll(() => {
    state.prisma = null;
  });
  beforeEach(() => {
    state.user = null;
  });

  it("gives store staff their own organisation's statement, whatever else is in the range", async () => {
    state.user = world.staffA;
    const own = await download(storeRoute, "period=month&from=2031-03-01&to=2031-04-30");
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await own.text()).split("\r\n");
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).map((l) => l.split(",").slice(2))).toEqual([
      ["2031-03", "100.00", "-6.00", "0.00", "0.00", "0.00", "94.00"],
      ["2031-04", "0.00", "1.50", "0.00", "0.00", "-50.00", "-48.50"],
      // The last line ends in CRLF too.
      [],
    ]);
  });

  it("refuses store staff another organisation's statement with a typed FORBIDDEN", async () => {
    state.user = world.staffA;
    const other = await download(storeRoute, `org=${world.orgB}&from=2031-03-01&to=2031-04-30`);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      error: { code: "FORBIDDEN", details: { reason: "OTHER_ORGANIZATION" } },
    });
    // Naming their own is no refusal.
    const named = await download(storeRoute, `org=${world.orgA}&from=2031-03-01&to=2031-04-30`);
    expect(named.status).toBe(200);
  });

  it("keeps the HQ download to admins, who read any organisation by day", async () => {
    state.user = world.staffA;
    expect((await download(adminRoute, "from=2031-03-01&to=2031-04-30")).status).toBe(403);
    state.user = null;
    expect((await download(adminRoute, "from=2031-03-01&to=2031-04-30")).status).toBe(401);
    expect((await download(storeRoute, "from=2031-03-01&to=2031-04-30")).status).toBe(401);

    state.user = world.admin;
    expect((await download(storeRoute, "from=2031-03-01&to=2031-04-30")).status).toBe(403);
    const hq = await download(
      adminRoute,
      `org=${world.orgB}&period=day&from=2031-03-01&to=2031-04-30`,
    );
    expect(hq.status).toBe(200);
    expect((await hq.text()).split("\r\n").slice(1, -1)).toEqual([
      expect.stringMatching(/,2031-03-31,0\.00,6\.00,0\.00,0\.00,0\.00,6\.00$/),
      expect.stringMatching(/,2031-04-20,0\.00,-1\.50,0\.00,0\.00,0\.00,-1\.50$/),
    ]);
  });

  it("refuses a reversed or impossible range as invalid input", async () => {
    state.user = world.admin;
    const reversed = await download(adminRoute, "from=2031-04-30&to=2031-03-01");
    expect(reversed.status).toBe(400);
    expect(await reversed.json()).toMatchObject({
      error: { code: "INVALID_INPUT", fieldErrors: { to: [{ problem: "INVALID" }] } },
    });
    expect((await download(adminRoute, "from=2031-02-30&to=2031-03-01")).status).toBe(400);
  });
});
