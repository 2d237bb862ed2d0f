import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  book,
  createOrder,
  createRefund,
  createSettlementWorld,
  type SettlementWorld,
} from "./testing/settlement-world";

// The actions as a browser calls them: session and database are stand-ins; the
// wrappers, role checks, validation, use cases and SQL are real.
const state = vi.hoisted(() => ({
  user: null as SessionUser | null,
  prisma: null as PrismaClient | null,
}));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => state.user }));
vi.mock("@/lib/db/client.server", () => ({ getDb: async () => state.prisma }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveRateAction, cancelRateAction } = await import("./actions");
const { saveRate } = await import("./save-rate.server");
const { cancelRate } = await import("./cancel-rate.server");
const { listRates } = await import("./list-rates.server");
const { settlementStatement } = await import("./report.server");
const { listSettlementEntries } = await import("./list-entries.server");
const { reconcileBooks } = await import("./reconcile.server");
const { storeOrganizationId } = await import("./store-scope.server");

async function refusalOf(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const at = (iso: string) => new Date(iso);
describe("settlement books, statements and rates", () => {
  const db = useMigratedDatabase("pglite");
  let world: SettlementWorld;
  beforeAll(async () => {
    state.prisma = db();
    world = await createSettlementWorld(db());
  });
  afterAll(() => {
    state.prisma = null;
  });
  beforeEach(() => {
    state.user = null;
  });

  it("sums entries per organisation and Shanghai day or month, a column per kind", async () => {
    const prisma = db();
    const { orgA, orgB } = world;
    const order = await createOrder(prisma, world, 0);
    await book(prisma, order.id, [
      // 31 March 23:59 and 1 April 00:00 in Shanghai: two days and two months.
      [orgA, "SALES_CREDIT", 10_000, at("2031-03-31T15:59:00Z")],
      [orgA, "FULFILMENT_FEE", -600, at("2031-03-31T15:59:00Z")],
      [orgB, "FULFILMENT_FEE", 600, at("2031-03-31T15:59:00Z")],
      [orgA, "SALES_CREDIT", 20_000, at("2031-03-31T16:00:00Z")],
      [orgA, "GUIDE_COMMISSION", -300, at("2031-04-01T03:00:00Z")],
      [orgA, "EMPLOYEE_DISCOUNT", 1_500, at("2031-04-02T03:00:00Z")],
      [orgA, "REFUND", -5_000, at("2031-04-20T03:00:00Z")],
      [orgA, "FULFILMENT_FEE", 150, at("2031-04-20T03:00:00Z")],
      // Outside the range asked for.
      [orgA, "SALES_CREDIT", 99_999, at("2031-05-01T00:00:00Z")],
    ]);

    const days = await settlementStatement(prisma, {
      organizationId: orgA,
      period: "day",
      from: "2031-03-31",
      to: "2031-04-30",
    });
    expect(days).toEqual([
      {
        organizationId: orgA,
        period: "2031-03-31",
        sales: 10_000,
        fees: -600,
        commissions: 0,
        employeeDiscount: 0,
        refunds: 0,
        net: 9_400,
      },
      {
        organizationId: orgA,
        period: "2031-04-01",
        sales: 20_000,
        fees: 0,
        commissions: -300,
        employeeDiscount: 0,
        refunds: 0,
        net: 19_700,
      },
      {
        organizationId: orgA,
        period: "2031-04-02",
        sales: 0,
        fees: 0,
        commissions: 0,
        employeeDiscount: 1_500,
        refunds: 0,
        net: 1_500,
      },
      {
        organizationId: orgA,
        period: "2031-04-20",
        sales: 0,
        fees: 150,
        commissions: 0,
        employeeDiscount: 0,
        refunds: -5_000,
        net: -4_850,
      },
    ]);

    const months = await settlementStatement(prisma, {
      period: "month",
      from: "2031-03-01",
      to: "2031-04-30",
    });
    expect(months).toEqual(
      [
        {
          organizationId: orgA,
          period: "2031-03",
          sales: 10_000,
          fees: -600,
          commissions: 0,
          employeeDiscount: 0,
          refunds: 0,
          net: 9_400,
        },
        {
          organizationId: orgA,
          period: "2031-04",
          sales: 20_000,
          fees: 150,
          commissions: -300,
          employeeDiscount: 1_500,
          refunds: -5_000,
          net: 16_350,
        },
        {
          organizationId: orgB,
          period: "2031-03",
          sales: 0,
          fees: 600,
          commissions: 0,
          employeeDiscount: 0,
          refunds: 0,
          net: 600,
        },
      ].sort(
        (x, y) =>
          x.organizationId.localeCompare(y.organizationId) || x.period.localeCompare(y.period),
      ),
    );

    const entries = await listSettlementEntries(prisma, {
      organizationId: orgA,
      from: "2031-04-01",
      to: "2031-04-30",
      kind: "FULFILMENT_FEE",
      page: 1,
    });
    expect(entries).toMatchObject({ total: 1, sum: 150 });
    expect(entries.rows[0]).toMatchObject({
      orderNo: order.orderNo,
      amount: 150,
      kind: "FULFILMENT_FEE",
    });
  });

  it("reconciles the books per Shanghai day and finds a planted difference", async () => {
    const prisma = db();
    const { orgA, orgB } = world;
    const range = { from: "2032-05-10", to: "2032-05-12" };
    // Paid 10 May 23:30 Shanghai; refunded in part on 11 May; the failed refund counts nothing.
    const paidAt = at("2032-05-10T15:30:00Z");
    const order = await createOrder(prisma, world, 10_000, paidAt);
    await book(prisma, order.id, [
      [orgA, "SALES_CREDIT", 10_000, paidAt],
      [orgB, "FULFILMENT_FEE", 600, paidAt],
      [orgA, "FULFILMENT_FEE", -600, paidAt],
    ]);
    const refundAt = at("2032-05-11T02:00:00Z");
    await createRefund(prisma, order.id, 3_000, refundAt);
    await createRefund(prisma, order.id, 7_000, refundAt, "FAILED");
    await book(prisma, order.id, [
      [orgA, "REFUND", -3_000, refundAt],
      [orgB, "FULFILMENT_FEE", -180, refundAt],
      [orgA, "FULFILMENT_FEE", 180, refundAt],
    ]);
    // An unpaid order books nothing and is expected to book nothing.
    await createOrder(prisma, world, 50_000);

    const balanced = await reconcileBooks(prisma, range);
    expect(balanced).toEqual({ days: 2, booked: 7_000, expected: 7_000, differing: [] });

    await book(prisma, order.id, [[orgB, "GUIDE_COMMISSION", 25, at("2032-05-11T16:30:00Z")]]);
    const planted = await reconcileBooks(prisma, range);
    expect(planted.differing).toEqual([
      { day: "2032-05-12", booked: 25, paid: 0, refunded: 0, difference: 25 },
    ]);
    expect(planted).toMatchObject({ days: 3, booked: 7_025, expected: 7_000 });
  });

  it("lets store staff read their own organisation only; another is refused FORBIDDEN", async () => {
    const prisma = db();
    const { orgA, orgB, staffA } = world;
    expect(await storeOrganizationId(prisma, staffA)).toBe(orgA);
    expect(await storeOrganizationId(prisma, staffA, orgA)).toBe(orgA);
    const refused = await refusalOf(() => storeOrganizationId(prisma, staffA, orgB));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.details).toEqual({ reason: "OTHER_ORGANIZATION" });
    const noStore = await refusalOf(() => storeOrganizationId(prisma, world.admin));
    expect(noStore.details).toEqual({ reason: "STORE_STAFF_ONLY" });
  });

  it("schedules a rate from a day to come, replaces it the same day, takes it back, all audited", async () => {
    const prisma = db();
    const now = at("2031-06-15T04:00:00Z");
    const actor = { userId: world.admin.id };
    const saved = await saveRate(
      prisma,
      { kind: "FULFILMENT_FEE", percent: 7.25, effectiveFrom: "2031-07-01", note: "Q3" },
      actor,
      now,
    );
    // Midnight in Shanghai is 16:00 UTC the day before.
    expect(saved).toMatchObject({ bps: 725, effectiveFrom: at("2031-06-30T16:00:00Z") });
    const replaced = await saveRate(
      prisma,
      { kind: "FULFILMENT_FEE", bps: 700, effectiveFrom: "2031-07-01" },
      actor,
      now,
    );
    expect(replaced.id).toBe(saved.id);
    const today = await saveRate(
      prisma,
      { kind: "GUIDE_COMMISSION", percent: "3.5", effectiveFrom: "2031-06-15" },
      actor,
      now,
    );
    // Today's rate starts now: orders paid earlier today were booked at the rate then in force.
    expect(today.effectiveFrom).toEqual(now);

    const timeline = await listRates(prisma, now);
    expect(timeline.map((r) => [r.kind, r.bps, r.status, r.until?.toISOString() ?? null])).toEqual([
      ["FULFILMENT_FEE", 700, "SCHEDULED", null],
      ["FULFILMENT_FEE", 600, "IN_FORCE", "2031-06-30T16:00:00.000Z"],
      ["GUIDE_COMMISSION", 350, "IN_FORCE", null],
      ["GUIDE_COMMISSION", 300, "ENDED", now.toISOString()],
    ]);

    const inForce = await refusalOf(() => cancelRate(prisma, { id: today.id }, actor, now));
    expect(inForce.details).toEqual({ reason: "RATE_IN_FORCE" });
    const unknown = await refusalOf(() => cancelRate(prisma, { id: "rate_nope" }, actor, now));
    expect(unknown.details).toEqual({ reason: "SETTLEMENT_RATE" });
    await cancelRate(prisma, { id: saved.id }, actor, now);
    expect(await prisma.settlementRate.count({ where: { id: saved.id } })).toBe(0);

    const audit = await prisma.auditEntry.findMany({
      where: { entity: "SETTLEMENT_RATE", entityId: { in: [saved.id, today.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => [e.entityId, e.action])).toEqual([
      [saved.id, "CREATE"],
      [saved.id, "UPDATE"],
      [today.id, "CREATE"],
      [saved.id, "DELETE"],
    ]);
    expect(audit[1]).toMatchObject({
      before: { bps: 725, note: "Q3" },
      after: { bps: 700, note: null, effectiveFrom: "2031-06-30T16:00:00.000Z" },
    });
    await prisma.settlementRate.delete({ where: { id: today.id } });
  });

  it("refuses a rate starting on a past day and changes nothing", async () => {
    const prisma = db();
    const before = [await prisma.settlementRate.findMany(), await prisma.auditEntry.count()];
    const refused = await refusalOf(() =>
      saveRate(
        prisma,
        { kind: "FULFILMENT_FEE", percent: 1, effectiveFrom: "2031-06-14" },
        { userId: world.admin.id },
        at("2031-06-14T16:00:00Z"),
      ),
    );
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.details).toEqual({ reason: "RATE_IN_PAST", today: "2031-06-15" });
    expect(refused.fieldErrors).toEqual({ effectiveFrom: [{ problem: "INVALID" }] });
    expect([await prisma.settlementRate.findMany(), await prisma.auditEntry.count()]).toEqual(
      before,
    );
  });

  it("lets only an admin schedule or cancel a rate", async () => {
    const prisma = db();
    const count = () => prisma.settlementRate.count();
    const start = await count();
    const input = { kind: "GUIDE_COMMISSION" as const, percent: 4, effectiveFrom: "2999-01-01" };
    for (const [user, code] of [
      [null, "UNAUTHENTICATED"],
      [world.staffA, "FORBIDDEN"],
    ] as const) {
      state.user = user;
      expect(await saveRateAction(input)).toMatchObject({ ok: false, code });
      expect(await cancelRateAction({ id: "rate_guide_initial" })).toMatchObject({
        ok: false,
        code,
      });
    }
    expect(await count()).toBe(start);

    state.user = world.admin;
    const past = await saveRateAction({ ...input, effectiveFrom: "2020-01-01" });
    expect(past).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      details: { reason: "RATE_IN_PAST" },
    });
    const both = await saveRateAction({ ...input, bps: 400 });
    expect(both).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { percent: [{ problem: "INVALID" }] },
    });
    const saved = await saveRateAction(input);
    expect(saved).toMatchObject({ ok: true, data: { bps: 400, kind: "GUIDE_COMMISSION" } });
    expect(await count()).toBe(start + 1);
    const initial = await cancelRateAction({ id: "rate_guide_initial" });
    expect(initial).toMatchObject({
      ok: false,
      code: "CONFLICT",
      details: { reason: "RATE_IN_FORCE" },
    });
    if (!saved.ok) throw new Error("not saved");
    expect(await cancelRateAction({ id: saved.data.id })).toEqual({
      ok: true,
      data: { id: saved.data.id },
    });
    expect(await count()).toBe(start);
  });
});
