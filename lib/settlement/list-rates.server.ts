import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { rateTimeline } from "./rates";

/** Every fee and commission rate with its status at `now`: scheduled, in force, or ended. */
export async function listRates(db: Db, now: Date = new Date()) {
  const rates = await db.settlementRate.findMany({
    select: {
      id: true,
      kind: true,
      bps: true,
      effectiveFrom: true,
      note: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  return rateTimeline(rates, now);
}
