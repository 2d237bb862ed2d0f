import type { ChannelLineRefusal } from "@/lib/errors/error-details";
import { lineSkuRef, type ChannelOrderLine } from "./channel-order-input";

/** A SKU as intake sees it: how the channel may name it and what the channel may sell of it. */
export type ChannelSku = {
  id: string;
  code: string;
  barcode: string | null;
  /** The channel's allocation lists the SKU. */
  listed: boolean;
  /** The channel's available-to-sell now. */
  ats: number;
  /**
   * Units a presale SKU's cap has left (it is sold ahead of an inbound, not from stock), or
   * null for a SKU sold from stock.
   */
  presaleLeft: number | null;
};

/** A line the channel may sell, with the SKU it names. */
export type ResolvedLine = {
  line: number;
  sku: string;
  skuId: string;
  quantity: number;
  unitPrice: number;
};

/**
 * Finds each line's SKU by code or barcode. A line naming no SKU, a SKU the channel's
 * allocation does not list, or a SKU an earlier line already has, is refused with its reason;
 * stock is not looked at here (see `shortLines`).
 */
export function resolveChannelLines(
  lines: readonly ChannelOrderLine[],
  skus: readonly ChannelSku[],
): { resolved: ResolvedLine[]; refused: ChannelLineRefusal[] } {
  const byCode = new Map(skus.map((s) => [s.code, s]));
  const byBarcode = new Map(skus.flatMap((s) => (s.barcode ? [[s.barcode, s] as const] : [])));
  const resolved: ResolvedLine[] = [];
  const refused: ChannelLineRefusal[] = [];
  const seen = new Set<string>();
  lines.forEach((l, line) => {
    const sku = lineSkuRef(l);
    const found = l.sku !== undefined ? byCode.get(l.sku) : byBarcode.get(l.barcode ?? "");
    const refuse = (reason: ChannelLineRefusal["reason"]) =>
      refused.push({ line, sku, reason, requested: l.quantity });
    if (!found) return refuse("UNKNOWN_SKU");
    if (!found.listed) return refuse("NOT_SOLD");
    if (seen.has(found.id)) return refuse("DUPLICATE_SKU");
    seen.add(found.id);
    resolved.push({ line, sku, skuId: found.id, quantity: l.quantity, unitPrice: l.unitPrice });
  });
  return { resolved, refused };
}

/**
 * The lines asking for more than the channel's available-to-sell (CHANNEL_SHORT), or for a
 * presale SKU more than its cap has left (PRESALE_CAP), with what there is.
 */
export function shortLines(
  lines: readonly ResolvedLine[],
  atsOf: ReadonlyMap<string, number>,
  presaleLeftOf: ReadonlyMap<string, number> = new Map(),
): ChannelLineRefusal[] {
  return lines.flatMap((l) => {
    const presaleLeft = presaleLeftOf.get(l.skuId);
    const available = Math.max(0, presaleLeft ?? atsOf.get(l.skuId) ?? 0);
    const reason =
      presaleLeft === undefined ? ("CHANNEL_SHORT" as const) : ("PRESALE_CAP" as const);
    return l.quantity > available
      ? [{ line: l.line, sku: l.sku, reason, requested: l.quantity, available }]
      : [];
  });
}

/**
 * The lines routing could not send (its availability per SKU), when the channel's figures
 * would have allowed them: NO_NODE with what the eligible nodes hold together.
 */
export function unroutableLines(
  lines: readonly ResolvedLine[],
  availability: readonly { skuId: string; requested: number; eligibleTotal?: number }[],
): ChannelLineRefusal[] {
  return lines.flatMap((l) => {
    const a = availability.find((x) => x.skuId === l.skuId);
    if (!a || a.eligibleTotal === undefined || a.eligibleTotal >= l.quantity) return [];
    return [
      {
        line: l.line,
        sku: l.sku,
        reason: "NO_NODE" as const,
        requested: l.quantity,
        available: a.eligibleTotal,
      },
    ];
  });
}

/**
 * Whether a resent order is the one already placed: same method, and the placed lines are the
 * request's (all of them; with partial acceptance, any subset of them at the same quantities).
 */
export function isSameChannelOrder(
  placed: { method: string; lines: readonly { skuId: string; quantity: number }[] },
  request: { method: string; lines: readonly { skuId: string; quantity: number }[] },
  partial: boolean,
): boolean {
  if (placed.method !== request.method) return false;
  const asked = new Map(request.lines.map((l) => [l.skuId, l.quantity]));
  const allThere = placed.lines.every((l) => asked.get(l.skuId) === l.quantity);
  return allThere && (partial || placed.lines.length === request.lines.length);
}
