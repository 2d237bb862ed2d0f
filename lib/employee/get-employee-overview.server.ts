import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { employeePrice, quotaPeriodKey, quotaRemaining } from "./quota";

/** The employee store's landing: quota left this period and the clearance catalogue at employee prices. */
export async function getEmployeeOverview(db: Db, { userId, now }: { userId: string; now: Date }) {
  const employee = await db.employee.findUnique({
    where: { userId },
    include: { quotaPolicy: true, organization: { select: { name: true, nameZh: true } } },
  });
  if (!employee)
    throw new AppError("NOT_FOUND", "No employee record for this account.", {
      details: { reason: "EMPLOYEE" },
    });
  const policy = employee.quotaPolicy;
  const periodKey = quotaPeriodKey(now, policy.period);
  const usage = await db.employeeQuotaUsage.findUnique({
    where: { employeeId_periodKey: { employeeId: employee.id, periodKey } },
  });
  const products = await db.product.findMany({
    where: { lifecycle: "CLEARANCE" },
    orderBy: { styleCode: "asc" },
    include: { category: { select: { name: true, nameZh: true } } },
  });
  return {
    employeeNo: employee.employeeNo,
    organization: employee.organization,
    periodKey,
    limits: { maxUnits: policy.maxUnits, maxSpend: policy.maxSpend, maxPerSku: policy.maxPerSku },
    remaining: quotaRemaining(policy, usage),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      nameZh: p.nameZh,
      categoryName: p.category.name,
      categoryNameZh: p.category.nameZh,
      imagePath: p.imagePath,
      listPrice: p.listPrice,
      employeePrice: employeePrice(p.listPrice, p.employeePrice, policy.discountBps),
    })),
  };
}
