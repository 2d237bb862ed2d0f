import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import type { FulfilmentStepInput } from "./accept-fulfilment.server";
import { assertCanMove, loadForActor, moveStatus } from "./fulfilment-steps.server";

/**
 * The pickup store's part is packed and waits on the shelf (PACKED → READY_FOR_PICKUP). Only
 * once every parcel other nodes ship in for this order has arrived, or the customer would be
 * called in for half an order.
 */
export async function markReadyForPickup(
  db: Db,
  input: FulfilmentStepInput,
): Promise<{ status: "READY_FOR_PICKUP" }> {
  return withTransaction(db, async (tx) => {
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor);
    assertCanMove(fo, "READY_FOR_PICKUP");
    const waiting = await tx.fulfilmentOrder.findMany({
      where: {
        orderId: fo.orderId,
        shipToNodeId: fo.nodeId,
        status: { notIn: ["DELIVERED", "REJECTED", "CANCELLED"] },
      },
      select: { id: true, status: true },
    });
    if (waiting.length > 0) {
      throw new AppError("CONFLICT", "Parcels for this order have not arrived at the store yet.", {
        details: { reason: "PARCELS_WAITING", waitingParcels: waiting },
      });
    }
    await moveStatus(tx, fo, "READY_FOR_PICKUP", input.actor);
    return { status: "READY_FOR_PICKUP" as const };
  });
}
