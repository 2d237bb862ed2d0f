import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { quotaPeriodKey, quotaRemaining } from "./quota";

/** The employee store's quota this period: limits, used and left (the offer: employee-catalogue.server.ts). */
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
  return {
    employeeNo: employee.employeeNo,
    organization: employee.organization,
    periodKey,
    limits: { maxUnits: policy.maxUnits, maxSpend: policy.maxSpend, maxPerSku: policy.maxPerSku },
    // Written by every employee order in its own transaction (consume-quota.server.ts).
    used: { units: usage?.unitsUsed ?? 0, spend: usage?.spendUsed ?? 0 },
    remaining: quotaRemaining(policy, usage),
  };
}
