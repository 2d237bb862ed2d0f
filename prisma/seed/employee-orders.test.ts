import { describe, expect, it } from "vitest";
import { quotaPeriodKey } from "@/lib/employee/quota";
import { buildAssortment } from "./assortment";
import { buildCatalogue } from "./catalogue";
import { buildEmployeeHistory } from "./employee-orders";
import { buildNodes } from "./nodes";

const employees = [
  { id: "emp_E10001", userId: "usr_employee", name: "Wang Fang" },
  { id: "emp_E10002", userId: "usr_employee_mgr", name: "Zhou Min" },
];

function build(now: Date) {
  const catalogue = buildCatalogue(now);
  const nodes = buildNodes();
  const assortment = buildAssortment(catalogue.stocked, nodes.facts);
  return buildEmployeeHistory({ employees, nodes: nodes.facts, assortment, now });
}

describe("demo employee orders", () => {
  it("are paid EMPLOYEE-channel orders at clearance employee prices, before now", () => {
    const now = new Date("2026-12-04T12:00:00Z");
    const { rows } = build(now);
    expect(rows.orders).toHaveLength(2);
    for (const order of rows.orders) {
      expect(order).toMatchObject({
        buyerType: "EMPLOYEE",
        memberId: null,
        channelId: "ch_EMPLOYEE",
      });
      expect(new Date(order.paidAt ?? 0).getTime()).toBeLessThan(now.getTime());
    }
    expect(rows.orderLines.every((l) => l.unitPrice < 100_000 && l.lineTotal > 0)).toBe(true);
  });

  it("consume quota equal to their lines, in the period the payment fell in", () => {
    for (const now of [new Date("2026-12-04T12:00:00Z"), new Date("2026-11-30T16:30:00Z")]) {
      const { rows, usages, skuUsages } = build(now);
      for (const usage of usages) {
        const orders = rows.orders.filter((o) => o.employeeId === usage.employeeId);
        const lines = rows.orderLines.filter((l) => orders.some((o) => o.id === l.orderId));
        expect(usage.unitsUsed).toBe(lines.reduce((s, l) => s + l.quantity, 0));
        expect(usage.spendUsed).toBe(lines.reduce((s, l) => s + l.lineTotal, 0));
        const period = usage.employeeId === "emp_E10001" ? "MONTH" : "QUARTER";
        expect(usage.periodKey).toBe(quotaPeriodKey(new Date(orders[0]?.paidAt ?? 0), period));
      }
      expect(skuUsages.reduce((s, r) => s + (r.unitsUsed ?? 0), 0)).toBe(
        usages.reduce((s, r) => s + (r.unitsUsed ?? 0), 0),
      );
    }
  });

  it("falls in the current month unless the month began under two hours ago", () => {
    const { usages } = build(new Date("2026-12-04T12:00:00Z"));
    expect(usages.find((u) => u.employeeId === "emp_E10001")?.periodKey).toBe("2026-12");
    // 1 December, 03:00 in Shanghai: bought earlier that day.
    const early = build(new Date("2026-11-30T19:00:00Z"));
    expect(early.usages.find((u) => u.employeeId === "emp_E10001")?.periodKey).toBe("2026-12");
  });
});
