import "server-only";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { Db } from "@/lib/db/transaction.server";
import type { ChannelOrderLine } from "./channel-order-input";
import type { ChannelSku } from "./channel-order-lines";

/**
 * The SKUs an order's lines name (by code or barcode), with whether the channel's allocation
 * lists each, its available-to-sell now, and for a presale SKU what its cap has left. Names
 * that match no SKU are simply absent.
 */
export async function loadChannelSkus(
  db: Db,
  input: { channelId: string; lines: readonly ChannelOrderLine[] },
): Promise<ChannelSku[]> {
  const codes = input.lines.flatMap((l) => (l.sku === undefined ? [] : [l.sku]));
  const barcodes = input.lines.flatMap((l) => (l.barcode === undefined ? [] : [l.barcode]));
  const skus = await db.sku.findMany({
    where: { OR: [{ skuCode: { in: codes } }, { barcode: { in: barcodes } }] },
    select: {
      id: true,
      skuCode: true,
      barcode: true,
      isBundle: true,
      presaleEnabled: true,
      presaleCap: true,
      presaleSold: true,
    },
  });
  if (skus.length === 0) return [];
  const atsOf = await channelAts(
    db,
    input.channelId,
    skus.map((s) => s.id),
  );
  return skus.map((s) => ({
    id: s.id,
    code: s.skuCode,
    barcode: s.barcode,
    listed: atsOf.get(s.id)?.listed ?? false,
    ats: atsOf.get(s.id)?.ats ?? 0,
    // The same test as placeOrder's (loadLineKinds): such a line waits for the inbound.
    presaleLeft: s.presaleEnabled && !s.isBundle ? s.presaleCap - s.presaleSold : null,
  }));
}

/** The channel's ATS and listing per SKU, as reserveStock would decide them now. */
export async function channelAts(
  db: Db,
  channelId: string,
  skuIds: readonly string[],
): Promise<Map<string, { listed: boolean; ats: number }>> {
  const rows = await computeChannelAts(db, { skuIds });
  return new Map(
    rows.map((row) => {
      const own = row.channels.find((c) => c.channelId === channelId);
      return [row.skuId, { listed: own?.listed ?? false, ats: own?.ats ?? 0 }];
    }),
  );
}
