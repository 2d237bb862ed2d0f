import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { assertActsFor, type FulfilmentActor } from "./actor";
import { forwardStep, nextStatuses, pathOf } from "./transitions";

/**
 * One task as the store console shows it. Staff of the shipping node see it to work on it; staff
 * of the pickup store see a parcel coming in to confirm its receipt. Anyone else: FORBIDDEN.
 */
export async function getStoreTask(
  db: Db,
  input: { actor: FulfilmentActor; fulfilmentOrderId: string },
) {
  const fo = await db.fulfilmentOrder.findUnique({
    where: { id: input.fulfilmentOrderId },
    include: {
      node: { select: { code: true, name: true, nameZh: true } },
      shipToNode: { select: { code: true, name: true, nameZh: true } },
      order: {
        select: {
          id: true,
          orderNo: true,
          method: true,
          status: true,
          contactName: true,
          contactPhone: true,
          addressLine: true,
          city: true,
          placedAt: true,
          promisedBy: true,
        },
      },
      lines: {
        orderBy: { id: "asc" },
        include: {
          sku: {
            select: {
              skuCode: true,
              barcode: true,
              color: true,
              colorZh: true,
              size: true,
              product: { select: { name: true, nameZh: true, imagePath: true, styleCode: true } },
            },
          },
        },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: {
          fromStatus: true,
          toStatus: true,
          note: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
  if (!fo)
    throw new AppError("NOT_FOUND", "Unknown fulfilment task.", { details: { reason: "TASK" } });
  assertActsFor(input.actor, [fo.nodeId, fo.shipToNodeId]);
  const side =
    input.actor.role === "ADMIN" || input.actor.storeNodeId === fo.nodeId ? "node" : "receiver";
  const path = pathOf({ method: fo.order.method, shipToNodeId: fo.shipToNodeId });
  const parcelsWaiting =
    path === "PICKUP"
      ? await db.fulfilmentOrder.count({
          where: {
            orderId: fo.orderId,
            shipToNodeId: fo.nodeId,
            status: { notIn: ["DELIVERED", "REJECTED", "CANCELLED"] },
          },
        })
      : 0;
  return {
    id: fo.id,
    status: fo.status,
    path,
    side,
    isParcel: fo.shipToNodeId !== null,
    node: fo.node,
    shipToNode: fo.shipToNode,
    order: fo.order,
    // A delivered or collected order is COMPLETED: still paid, so its finished task shows as done.
    paid: ["PAID", "IN_FULFILMENT", "COMPLETED"].includes(fo.order.status),
    courierName: fo.courierName,
    trackingNo: fo.trackingNo,
    rejectReason: fo.rejectReason,
    pickupCodeAttempts: fo.pickupCodeAttempts,
    parcelsWaiting,
    nextStep: forwardStep(path, fo.status),
    canReject: nextStatuses(path, fo.status).includes("REJECTED"),
    lines: fo.lines.map((l) => ({
      id: l.id,
      quantity: l.quantity,
      pickedQty: l.pickedQty,
      skuCode: l.sku.skuCode,
      barcode: l.sku.barcode,
      color: l.sku.color,
      colorZh: l.sku.colorZh,
      size: l.sku.size,
      name: l.sku.product.name,
      nameZh: l.sku.product.nameZh,
      imagePath: l.sku.product.imagePath,
    })),
    events: fo.events,
  };
}
export type StoreTask = Awaited<ReturnType<typeof getStoreTask>>;
