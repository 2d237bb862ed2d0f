import "server-only";
import { AppError, isAppError, type ErrorDetails } from "@/lib/errors/app-error";
import {
  isItemReason,
  type ItemNaming,
  type RoutingAvailability,
} from "@/lib/errors/error-details";
import type { Db } from "@/lib/db/transaction.server";

/**
 * Adds the shopper's names to a refusal about items: the product, colour and size of the SKU it
 * concerns, and per routing availability the item and each node's Chinese name. The stock engine
 * and routing refuse by id so that no name is looked up on their hot path; this runs once, only
 * when an order is refused, at the use case that speaks to the shopper. Anything else is
 * returned as it came.
 */
export async function nameRefusedItems(db: Db, error: unknown): Promise<unknown> {
  if (!isAppError(error) || !error.details) return error;
  const details: object = error.details;
  if (!isItemReason(error.code, error.details.reason)) return error;
  const skuId = "skuId" in details && typeof details.skuId === "string" ? details.skuId : null;
  const availability =
    "availability" in details && Array.isArray(details.availability)
      ? (details.availability as readonly RoutingAvailability[])
      : [];
  const skuIds = [...new Set([...(skuId ? [skuId] : []), ...availability.map((a) => a.skuId)])];
  if (skuIds.length === 0) return error;
  const nodeIds = [...new Set(availability.flatMap((a) => a.nodes.map((n) => n.nodeId)))];
  const [skus, nodes] = await Promise.all([
    db.sku.findMany({
      where: { id: { in: skuIds } },
      select: {
        id: true,
        color: true,
        colorZh: true,
        size: true,
        product: { select: { name: true, nameZh: true } },
      },
    }),
    nodeIds.length > 0
      ? db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, nameZh: true } })
      : Promise.resolve([]),
  ]);
  const naming = new Map<string, ItemNaming>(
    skus.map((s) => [
      s.id,
      {
        product: s.product.name,
        productZh: s.product.nameZh,
        colour: s.color,
        colourZh: s.colorZh,
        size: s.size,
      },
    ]),
  );
  const nameZh = new Map(nodes.map((n) => [n.id, n.nameZh]));
  const own = skuId ? naming.get(skuId) : undefined;
  const named = {
    ...details,
    ...(own && !("product" in details && details.product) ? own : {}),
    ...(availability.length > 0
      ? {
          availability: availability.map((a) => ({
            ...a,
            item: a.item ?? naming.get(a.skuId),
            nodes: a.nodes.map((n) => ({ ...n, nameZh: n.nameZh ?? nameZh.get(n.nodeId) })),
          })),
        }
      : {}),
  };
  // The same code and reason with facts the reason's shape allows (isItemReason), so the one
  // assertion cannot pair a code with another code's details.
  const renamed = new AppError(error.code, error.message, {
    details: named as ErrorDetails,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
  });
  renamed.stack = error.stack;
  return renamed;
}
