import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import type { QuotaLimits } from "./quota";

/** Units of one SKU an order takes from (or gives back to) the quota. */
export type QuotaLine = { skuId: string; quantity: number };

export type QuotaUse = {
  employeeId: string;
  periodKey: string;
  period: QuotaPeriod;
  limits: QuotaLimits;
  lines: readonly QuotaLine[];
  /** Goods total at employee prices (fen). */
  spend: number;
};

/**
 * Takes an order's units, spend and per-SKU units from the employee's quota for one period,
 * inside the order's transaction. Each row is created if missing (ON CONFLICT DO NOTHING), then
 * moved by compare-and-set (`used <= max - wanted`), so two tabs cannot together pass a limit:
 * the second update waits for the first's row lock and then re-checks. Rows are taken in one
 * order (period row, then SKU rows by id) after the stock rows. A refusal is QUOTA_EXCEEDED
 * naming the limit and what is left; the caller's transaction rolls everything back.
 */
export async function consumeEmployeeQuota(tx: Tx, use: QuotaUse): Promise<void> {
  const { employeeId, periodKey, limits } = use;
  const units = use.lines.reduce((sum, l) => sum + l.quantity, 0);
  await tx.employeeQuotaUsage.createMany({
    data: [{ employeeId, periodKey }],
    skipDuplicates: true,
  });
  const taken = await tx.employeeQuotaUsage.updateMany({
    where: {
      employeeId,
      periodKey,
      unitsUsed: { lte: limits.maxUnits - units },
      spendUsed: { lte: limits.maxSpend - use.spend },
    },
    data: { unitsUsed: { increment: units }, spendUsed: { increment: use.spend } },
  });
  if (taken.count === 0) {
    const row = await tx.employeeQuotaUsage.findUniqueOrThrow({
      where: { employeeId_periodKey: { employeeId, periodKey } },
    });
    const unitsLeft = Math.max(0, limits.maxUnits - row.unitsUsed);
    if (units > unitsLeft) throw quotaExceeded(use, { limit: "UNITS", left: unitsLeft });
    const spendLeft = Math.max(0, limits.maxSpend - row.spendUsed);
    throw quotaExceeded(use, { limit: "SPEND", left: spendLeft });
  }
  const lines = [...use.lines].sort((a, b) => a.skuId.localeCompare(b.skuId));
  await tx.employeeQuotaSkuUsage.createMany({
    data: lines.map((l) => ({ employeeId, periodKey, skuId: l.skuId })),
    skipDuplicates: true,
  });
  for (const line of lines) {
    const perSku = await tx.employeeQuotaSkuUsage.updateMany({
      where: {
        employeeId,
        periodKey,
        skuId: line.skuId,
        unitsUsed: { lte: limits.maxPerSku - line.quantity },
      },
      data: { unitsUsed: { increment: line.quantity } },
    });
    if (perSku.count > 0) continue;
    const row = await tx.employeeQuotaSkuUsage.findUniqueOrThrow({
      where: {
        employeeId_periodKey_skuId: { employeeId, periodKey, skuId: line.skuId },
      },
    });
    throw quotaExceeded(use, {
      limit: "PER_SKU",
      left: Math.max(0, limits.maxPerSku - row.unitsUsed),
      skuId: line.skuId,
    });
  }
}

/**
 * Gives units and spend back to the period an order consumed (cancelled unpaid, or returned in
 * part). Call it only behind the compare-and-set that makes the give-back happen once (the
 * order's status flip, a return's own state change). Never takes a counter below zero.
 */
export async function giveBackEmployeeQuota(
  tx: Tx,
  give: { employeeId: string; periodKey: string; lines: readonly QuotaLine[]; spend: number },
): Promise<void> {
  const { employeeId, periodKey } = give;
  const units = give.lines.reduce((sum, l) => sum + l.quantity, 0);
  const row = await tx.employeeQuotaUsage.findUnique({
    where: { employeeId_periodKey: { employeeId, periodKey } },
  });
  if (row) {
    await tx.employeeQuotaUsage.update({
      where: { id: row.id },
      data: {
        unitsUsed: { decrement: Math.min(units, row.unitsUsed) },
        spendUsed: { decrement: Math.min(give.spend, row.spendUsed) },
      },
    });
  }
  for (const line of [...give.lines].sort((a, b) => a.skuId.localeCompare(b.skuId))) {
    // Two steps keep the counter at zero or above without reading it first.
    const back = await tx.employeeQuotaSkuUsage.updateMany({
      where: { employeeId, periodKey, skuId: line.skuId, unitsUsed: { gte: line.quantity } },
      data: { unitsUsed: { decrement: line.quantity } },
    });
    if (back.count === 0)
      await tx.employeeQuotaSkuUsage.updateMany({
        where: { employeeId, periodKey, skuId: line.skuId },
        data: { unitsUsed: 0 },
      });
  }
}

function quotaExceeded(
  use: QuotaUse,
  refused: { limit: "UNITS" | "SPEND" | "PER_SKU"; left: number; skuId?: string },
): AppError {
  const period = use.period;
  if (refused.limit === "PER_SKU")
    return new AppError(
      "QUOTA_EXCEEDED",
      `At most ${refused.left} more of this item this period.`,
      {
        details: {
          reason: "PER_SKU",
          skuId: refused.skuId ?? "",
          left: refused.left,
          period,
          periodKey: use.periodKey,
        },
      },
    );
  const common = { period, periodKey: use.periodKey };
  if (refused.limit === "SPEND")
    return new AppError("QUOTA_EXCEEDED", `Above the spend quota; ${refused.left} fen left.`, {
      details: { reason: "SPEND", spendLeft: refused.left, ...common },
    });
  return new AppError("QUOTA_EXCEEDED", `Above the units quota; ${refused.left} left.`, {
    details: { reason: "UNITS", left: refused.left, ...common },
  });
}
