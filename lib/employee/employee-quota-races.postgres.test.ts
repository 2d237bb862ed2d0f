import { describe, expect, it } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { quotaPeriodKey } from "./quota";
import { createEmployeeWorld, employeePickup, quotaUsage } from "./testing/employee-world";

const NOW = new Date("2026-11-20T04:00:00Z");
const PERIOD = quotaPeriodKey(NOW, "QUARTER");
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "placed",
    (e: unknown) =>
      isAppError(e) ? `${e.code}:${String(e.details?.reason ?? "")}` : `ERROR:${String(e)}`,
  );

describeIfPostgres("employee quotas racing on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  describe("one employee, many tabs", () => {
    it("24 concurrent checkouts never together pass the per-SKU, units or spend limit", async () => {
      const prisma = db();
      // 41 930 fen a unit: the spend limit allows 5 units, the units limit 6, per SKU 3.
      const w = await createEmployeeWorld(prisma, {
        maxUnits: 6,
        maxSpend: 5 * 41_930 + 100,
        maxPerSku: 3,
      });
      const { userId, employeeId } = await w.addEmployee("Wang");
      const mixes: [string, number][][] = [
        [["tee", 1]],
        [["cap", 1]],
        [
          ["tee", 1],
          ["cap", 1],
        ],
      ];
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          const lines = mixes[i % mixes.length] ?? [];
          const store = lines.some(([sku]) => sku === "cap") ? "far" : "near";
          return outcome(
            placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, lines, store) }),
          );
        }),
      );
      expect(results.filter((r) => r.startsWith("ERROR"))).toEqual([]);
      expect(results.filter((r) => r === "placed").length).toBeGreaterThan(0);
      const usage = await quotaUsage(prisma, employeeId, PERIOD);
      const lines = await prisma.orderLine.findMany({
        where: { order: { employeeId, status: "PENDING_PAYMENT" } },
      });
      const units = lines.reduce((s, l) => s + l.quantity, 0);
      const spend = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
      expect(usage.units).toBe(units);
      expect(usage.spend).toBe(spend);
      expect(units).toBeLessThanOrEqual(5);
      expect(spend).toBeLessThanOrEqual(5 * 41_930 + 100);
      for (const sku of ["tee", "cap"]) {
        const ofSku = lines
          .filter((l) => l.skuId === w.sku(sku))
          .reduce((s, l) => s + l.quantity, 0);
        expect(ofSku).toBeLessThanOrEqual(3);
        expect(usage.perSku[w.sku(sku)] ?? 0).toBe(ofSku);
      }
      // The limits were reached, not merely respected by refusing everything.
      expect(units).toBeGreaterThanOrEqual(4);
      expect(results.filter((r) => r.startsWith("QUOTA_EXCEEDED")).length).toBe(
        results.length - results.filter((r) => r === "placed").length,
      );
      expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
    });
  });

  describe("many employees, one scarce clearance SKU", () => {
    it("30 employees racing for 2 units: exactly 2 sold, nobody's quota used by a refusal", async () => {
      const prisma = db();
      const w = await createEmployeeWorld(prisma, {
        maxUnits: 5,
        maxSpend: 10_000_000,
        maxPerSku: 2,
      });
      const employees = [];
      for (let i = 0; i < 30; i++) employees.push(await w.addEmployee(`Employee ${i}`));
      const results = await Promise.all(
        employees.map(({ userId }) =>
          outcome(placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, [["rare", 1]]) })),
        ),
      );
      expect(results.filter((r) => r === "placed")).toHaveLength(2);
      expect(results.filter((r) => r !== "placed").every((r) => r.startsWith("OUT_OF_STOCK"))).toBe(
        true,
      );
      const level = await prisma.stockLevel.findUniqueOrThrow({
        where: { nodeId_skuId: { nodeId: w.node("near"), skuId: w.sku("rare") } },
      });
      expect(level.reserved).toBe(2);
      const used = await prisma.employeeQuotaUsage.aggregate({
        where: { employeeId: { in: employees.map((e) => e.employeeId) }, periodKey: PERIOD },
        _sum: { unitsUsed: true },
      });
      expect(used._sum.unitsUsed).toBe(2);
      expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
    });
  });
});
