import { BRAND_ORG, organizationId } from "./organisations";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { quotaPeriodKey } from "@/lib/employee/quota";
import type { Assortment } from "./assortment";
import { clearanceEmployeePrice } from "./catalogue";
import { MINUTE_MS, shanghaiMidnight } from "./clock";
import { buildHistoryRows, historyPaidAt, type HistoryRows } from "./history-rows";
import type { PlannedOrder } from "./history-plan";
import { nodeId, type NodeFacts } from "./nodes";
import type { MemberFacts } from "./people";

/** Plan numbers of employee orders, far above the member history's, so their keys never meet. */
const FIRST_NUMBER = 900_001;

/** A demo employee's past purchase: which clearance SKUs (by rank) and how many of each. */
const PURCHASES: readonly { employeeId: string; period: QuotaPeriod; units: readonly number[] }[] =
  [
    { employeeId: "emp_E10001", period: "MONTH", units: [1, 1] },
    { employeeId: "emp_E10002", period: "QUARTER", units: [2] },
  ];

export type EmployeeBuyer = { id: string; userId: string; name: string };

export type EmployeeHistory = {
  rows: HistoryRows;
  usages: Prisma.EmployeeQuotaUsageCreateManyInput[];
  skuUsages: Prisma.EmployeeQuotaSkuUsageCreateManyInput[];
};

/**
 * Paid, completed express orders by the demo employees in the EMPLOYEE channel, at employee
 * prices, with the quota usage they consumed, so the employee store opens with usage that is
 * not zero. They are placed in the current Shanghai month when the day allows (yesterday, or
 * earlier today on the first of a month); the usage rows are keyed by the period the payment
 * fell in, so orders and usage always agree.
 */
export function buildEmployeeHistory(input: {
  employees: readonly EmployeeBuyer[];
  nodes: readonly NodeFacts[];
  assortment: Assortment;
  now: Date;
}): EmployeeHistory {
  const { now } = input;
  const warehouse = input.nodes.find((n) => n.id === nodeId("CW-SH"));
  if (!warehouse) throw new Error("the Shanghai central warehouse is missing");
  const clearance = (input.assortment.get(warehouse.id) ?? [])
    .filter((l) => l.sku.lifecycle === "CLEARANCE")
    .sort((a, b) => b.localDemand - a.localDemand || a.sku.id.localeCompare(b.sku.id));
  const minutesToday = Math.floor((now.getTime() - shanghaiMidnight(now).getTime()) / MINUTE_MS);
  const dayOfMonth = new Date(shanghaiMidnight(now).getTime() + 8 * 60 * MINUTE_MS).getUTCDate();
  const when =
    dayOfMonth > 1 || minutesToday < 120
      ? { daysAgo: 1, minuteOfDay: 10 * 60 }
      : { daysAgo: 0, minuteOfDay: minutesToday - 90 };

  const plans: PlannedOrder[] = [];
  const buyers = new Map<number, { employee: EmployeeBuyer; period: QuotaPeriod }>();
  let skuIndex = 0;
  PURCHASES.forEach((purchase, i) => {
    const employee = input.employees.find((e) => e.id === purchase.employeeId);
    if (!employee) throw new Error(`demo employee ${purchase.employeeId} is missing`);
    const lines = purchase.units.map((quantity) => {
      const sku = clearance[skuIndex++ % clearance.length]?.sku;
      if (!sku) throw new Error("the central warehouse stocks no clearance SKU");
      const unitPrice = clearanceEmployeePrice(sku.listPrice / 100);
      return { sku, quantity, unitPrice, discount: 0, lineTotal: unitPrice * quantity };
    });
    const total = lines.reduce((s, l) => s + l.lineTotal, 0);
    const number = FIRST_NUMBER + i;
    buyers.set(number, { employee, period: purchase.period });
    plans.push({
      number,
      daysAgo: when.daysAgo,
      minuteOfDay: when.minuteOfDay + i * 7,
      member: asRecipient(employee, warehouse),
      channel: "EMPLOYEE",
      channelOrderId: null,
      method: "EXPRESS",
      node: warehouse,
      lines,
      subtotal: total,
      discountTotal: 0,
      total,
      coupon: null,
      pickupCode: "",
      trackingNo: `SF${String(number).padStart(10, "0")}`,
      stepMinutes: [20, 60, 90, 240, 24 * 60],
    });
  });

  // Every demo employee works for the brand, which bears their discount.
  const rows = buildHistoryRows(plans, now, () => organizationId(BRAND_ORG));
  // Employee orders: the employee is the buyer; no membership, no points.
  rows.orders = rows.orders.map((order, i) => {
    const buyer = buyers.get(plans[i]?.number ?? 0);
    return {
      ...order,
      buyerType: "EMPLOYEE",
      memberId: null,
      employeeId: buyer?.employee.id ?? null,
      pointsEarned: 0,
    };
  });

  const usages = new Map<string, Prisma.EmployeeQuotaUsageCreateManyInput>();
  const skuUsages = new Map<string, Prisma.EmployeeQuotaSkuUsageCreateManyInput>();
  for (const plan of plans) {
    const buyer = buyers.get(plan.number);
    if (!buyer) continue;
    const periodKey = quotaPeriodKey(historyPaidAt(plan, now), buyer.period);
    const usageId = `equ_${buyer.employee.id}_${periodKey}`;
    const usage = usages.get(usageId) ?? {
      id: usageId,
      employeeId: buyer.employee.id,
      periodKey,
      unitsUsed: 0,
      spendUsed: 0,
    };
    usage.unitsUsed = (usage.unitsUsed ?? 0) + plan.lines.reduce((s, l) => s + l.quantity, 0);
    usage.spendUsed = (usage.spendUsed ?? 0) + plan.total;
    usages.set(usageId, usage);
    for (const line of plan.lines) {
      const id = `eqs_${buyer.employee.id}_${periodKey}_${line.sku.id}`;
      const row = skuUsages.get(id) ?? {
        id,
        employeeId: buyer.employee.id,
        periodKey,
        skuId: line.sku.id,
        unitsUsed: 0,
      };
      row.unitsUsed = (row.unitsUsed ?? 0) + line.quantity;
      skuUsages.set(id, row);
    }
  }
  return { rows, usages: [...usages.values()], skuUsages: [...skuUsages.values()] };
}

/** The employee as the order's recipient: delivered to the office beside the warehouse. */
function asRecipient(employee: EmployeeBuyer, warehouse: NodeFacts): MemberFacts {
  return {
    id: employee.id,
    userId: employee.userId,
    memberNo: "",
    name: employee.name,
    phone: "13800000000",
    city: warehouse.city,
    homeStoreId: warehouse.id,
    home: { latitude: warehouse.latitude, longitude: warehouse.longitude },
    addressLine: "OnePool HQ, 1 Brand Plaza",
    activity: 0,
    joinedDaysAgo: 0,
    isDemoConsumer: false,
  };
}
