import "server-only";
import type { Tx } from "@/lib/db/transaction.server";

export type RatesInForce = { fulfilmentFeeBps: number; guideCommissionBps: number };

/**
 * The fee and commission rates in force at `at`: for each kind, the rate with the latest
 * effective date not after it. A kind with no rate yet earns nothing.
 */
export async function ratesInForce(tx: Tx, at: Date): Promise<RatesInForce> {
  const [fee, guide] = await Promise.all(
    (["FULFILMENT_FEE", "GUIDE_COMMISSION"] as const).map((kind) =>
      tx.settlementRate.findFirst({
        where: { kind, effectiveFrom: { lte: at } },
        orderBy: { effectiveFrom: "desc" },
        select: { bps: true },
      }),
    ),
  );
  return { fulfilmentFeeBps: fee?.bps ?? 0, guideCommissionBps: guide?.bps ?? 0 };
}
