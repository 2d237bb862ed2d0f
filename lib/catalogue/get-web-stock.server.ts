import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { WEB_CHANNEL_CODE } from "./load-catalogue.server";
import { stockState, type StockState } from "./stock-state";

/**
 * What the web channel may sell of each SKU, read fresh (never cached) from the published
 * channel stock (`ChannelAts`); a SKU without a row has none for the channel.
 */
export async function getWebStock(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, { ats: number; state: StockState }>> {
  const result = new Map<string, { ats: number; state: StockState }>();
  for (const id of skuIds) result.set(id, { ats: 0, state: "OUT" });
  if (skuIds.length === 0) return result;
  const rows = await db.channelAts.findMany({
    where: { channel: { code: WEB_CHANNEL_CODE }, skuId: { in: [...skuIds] } },
    select: { skuId: true, ats: true },
  });
  for (const row of rows) result.set(row.skuId, { ats: row.ats, state: stockState(row.ats) });
  return result;
}
