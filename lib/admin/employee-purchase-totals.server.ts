import "server-only";
import { TZDate } from "@date-fns/tz";
import type { Db } from "@/lib/db/transaction.server";
import { BUSINESS_TIME_ZONE } from "@/lib/employee/quota";

/** The instants a period key ("2026-11", "2026-Q4", "2026") spans on the Shanghai calendar. */
export function periodBounds(key: string): { from: Date; to: Date } {
  const year = Number(key.slice(0, 4));
  const quarter = /-Q([1-4])$/.exec(key)?.[1];
  const month = /-(\d{2})$/.exec(key)?.[1];
  const [first, months] = quarter
    ? [(Number(quarter) - 1) * 3, 3]
    : month
      ? [Number(month) - 1, 1]
      : [0, 12];
  const from = new TZDate(year, first, 1, BUSINESS_TIME_ZONE);
  const to = new TZDate(year, first + months, 1, BUSINESS_TIME_ZONE);
  return { from: new Date(from.getTime()), to: new Date(to.getTime()) };
}

const PAID = ["PAID", "IN_FULFILMENT", "COMPLETED"] as const;

/**
 * Units and spend of paid, not cancelled employee-channel orders paid within the period, by
 * employee and by SKU.
 */
export async function employeePurchaseTotals(db: Db, periodKey: string) {
  const { from, to } = periodBounds(periodKey);
  const lines = await db.orderLine.findMany({
    where: {
      order: {
        channel: { code: "EMPLOYEE" },
        status: { in: [...PAID] },
        employeeId: { not: null },
        paidAt: { gte: from, lt: to },
      },
    },
    select: {
      quantity: true,
      lineTotal: true,
      sku: {
        select: { skuCode: true, color: true, size: true, product: { select: { name: true } } },
      },
      order: {
        select: {
          employee: { select: { employeeNo: true, user: { select: { name: true } } } },
        },
      },
    },
  });
  const byEmployee = new Map<
    string,
    { employeeNo: string; name: string; units: number; spend: number }
  >();
  const bySku = new Map<string, { skuCode: string; name: string; units: number; spend: number }>();
  for (const line of lines) {
    const employee = line.order.employee;
    if (employee) {
      const row = byEmployee.get(employee.employeeNo) ?? {
        employeeNo: employee.employeeNo,
        name: employee.user.name ?? "",
        units: 0,
        spend: 0,
      };
      row.units += line.quantity;
      row.spend += line.lineTotal;
      byEmployee.set(employee.employeeNo, row);
    }
    const sku = bySku.get(line.sku.skuCode) ?? {
      skuCode: line.sku.skuCode,
      name: `${line.sku.product.name} ${line.sku.color} ${line.sku.size}`,
      units: 0,
      spend: 0,
    };
    sku.units += line.quantity;
    sku.spend += line.lineTotal;
    bySku.set(line.sku.skuCode, sku);
  }
  const sorted = <T extends { spend: number }>(rows: Iterable<T>) =>
    [...rows].sort((a, b) => b.spend - a.spend);
  return { periodKey, byEmployee: sorted(byEmployee.values()), bySku: sorted(bySku.values()) };
}
