import "server-only";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import type { FulfilmentStepInput } from "./accept-fulfilment.server";
import {
  completeOrderIfDone,
  loadFulfilment,
  loadForActor,
  moveStatus,
} from "./fulfilment-steps.server";

/**
 * The courier delivered (HANDED_TO_COURIER → DELIVERED). A delivery to the customer is confirmed
 * by the sending node; a parcel to a pickup store by the store that received it.
 */
export async function markDelivered(
  db: Db,
  input: FulfilmentStepInput,
): Promise<{ status: "DELIVERED"; orderCompleted: boolean }> {
  const now = input.now ?? new Date();
  return withTransaction(db, async (tx) => {
    const peek = await loadFulfilment(tx, input.fulfilmentOrderId);
    const side = peek.shipToNodeId !== null ? "receiver" : "node";
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor, side);
    await moveStatus(tx, fo, "DELIVERED", input.actor, {
      note: side === "receiver" ? "parcel received at the pickup store" : undefined,
    });
    const orderCompleted = await completeOrderIfDone(tx, fo.orderId, now);
    return { status: "DELIVERED" as const, orderCompleted };
  });
}
