import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import { employeePrice, type QuotaLimits } from "./quota";

/** An employee's quota policy as pricing and quotas read it. */
export type EmployeePolicy = {
  employeeId: string;
  period: QuotaPeriod;
  limits: QuotaLimits;
  discountBps: number;
};

/** The employee record of a signed-in account, with its policy; refused for anyone else. */
export async function loadEmployeePolicy(
  db: Db,
  who: { userId: string } | { employeeId: string },
): Promise<EmployeePolicy> {
  const employee = await db.employee.findUnique({
    where: "userId" in who ? { userId: who.userId } : { id: who.employeeId },
    include: { quotaPolicy: true },
  });
  if (!employee)
    throw new AppError("FORBIDDEN", "This account is not an employee's.", {
      details: { reason: "NOT_EMPLOYEE" },
    });
  if (!employee.active)
    throw new AppError("FORBIDDEN", "Employee purchase is switched off for this account.", {
      details: { reason: "EMPLOYEE_DISABLED" },
    });
  const policy = employee.quotaPolicy;
  return {
    employeeId: employee.id,
    period: policy.period,
    limits: { maxUnits: policy.maxUnits, maxSpend: policy.maxSpend, maxPerSku: policy.maxPerSku },
    discountBps: policy.discountBps,
  };
}

/**
 * Employee unit prices (fen) of SKUs: the one rule of lib/employee/quota.ts (the SKU's explicit
 * employee price, else the style's, else list less the policy's discount), from the catalogue
 * only, so a price sent by a browser never counts. SKUs that do not exist are left out.
 */
export async function employeeSkuPrices(
  db: Db,
  discountBps: number,
  skuIds: readonly string[],
): Promise<Map<string, number>> {
  const skus = await db.sku.findMany({
    where: { id: { in: [...skuIds] } },
    select: {
      id: true,
      listPrice: true,
      employeePrice: true,
      product: { select: { listPrice: true, employeePrice: true } },
    },
  });
  return new Map(
    skus.map((sku) => [
      sku.id,
      employeePrice(
        sku.listPrice ?? sku.product.listPrice,
        sku.employeePrice ?? sku.product.employeePrice,
        discountBps,
      ),
    ]),
  );
}
