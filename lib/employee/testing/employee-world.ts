import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import type { PlaceOrderOptions } from "@/lib/orders/place-order.server";
import { createOrderWorld, type OrderWorld } from "@/lib/orders/testing/order-world";

// Test support: the order world with its one channel turned into the employee channel, a quota
// policy and employees under it. List price 59 900 fen per SKU (the world's product).

export type QuotaSpec = {
  period?: QuotaPeriod;
  maxUnits: number;
  maxSpend: number;
  maxPerSku: number;
  discountBps?: number;
};

export type EmployeeWorld = OrderWorld & {
  employeeCode: string;
  policyId: string;
  /** Adds an employee under the world's policy; returns its user id and employee id. */
  addEmployee: (name: string) => Promise<{ userId: string; employeeId: string }>;
};

export async function createEmployeeWorld(
  prisma: PrismaClient,
  quota: QuotaSpec,
): Promise<EmployeeWorld> {
  const w = await createOrderWorld(prisma);
  await prisma.channel.update({ where: { id: w.webCode }, data: { kind: "EMPLOYEE" } });
  const suffix = w.node("near").split("_").pop() ?? "";
  const org = await prisma.organization.findFirstOrThrow({ where: { code: { endsWith: suffix } } });
  const policy = await prisma.employeeQuotaPolicy.create({
    data: { name: `Policy ${suffix}`, period: "QUARTER", discountBps: 3000, ...quota },
  });
  let count = 0;
  const addEmployee = async (name: string) => {
    const n = ++count;
    const user = await prisma.user.create({
      data: {
        email: `emp-${n}-${suffix}@test.dev`,
        name,
        passwordHash: "-",
        role: "EMPLOYEE",
        employee: {
          create: {
            employeeNo: `E-${n}-${suffix}`,
            organizationId: org.id,
            quotaPolicyId: policy.id,
          },
        },
      },
      include: { employee: true },
    });
    return { userId: user.id, employeeId: user.employee!.id };
  };
  return { ...w, employeeCode: w.webCode, policyId: policy.id, addEmployee };
}

let keys = 0;

/** An employee's pickup order at the `near` store. */
export function employeePickup(
  w: EmployeeWorld,
  userId: string,
  lines: [string, number][],
  store = "near",
): PlaceOrderOptions {
  return {
    channelCode: w.employeeCode,
    buyer: { kind: "EMPLOYEE", userId },
    lines: lines.map(([sku, quantity]) => ({ skuId: w.sku(sku), quantity })),
    method: "PICKUP",
    destination: { kind: "store", nodeId: w.node(store) },
    contact: { name: "Wang Fang", phone: "+86 139 0000 0000" },
    paymentProvider: "DEMO",
    idempotencyKey: `employee-${Date.now()}-${++keys}-${userId}`,
  };
}

/** The employee's usage rows for a period: totals and units per SKU id. */
export async function quotaUsage(prisma: PrismaClient, employeeId: string, periodKey: string) {
  const row = await prisma.employeeQuotaUsage.findUnique({
    where: { employeeId_periodKey: { employeeId, periodKey } },
  });
  const skus = await prisma.employeeQuotaSkuUsage.findMany({ where: { employeeId, periodKey } });
  return {
    units: row?.unitsUsed ?? 0,
    spend: row?.spendUsed ?? 0,
    perSku: Object.fromEntries(
      skus.filter((s) => s.unitsUsed > 0).map((s) => [s.skuId, s.unitsUsed]),
    ),
  };
}
