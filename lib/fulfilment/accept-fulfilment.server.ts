import "server-only";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import type { FulfilmentActor } from "./actor";
import { loadForActor, markOrderInFulfilment, moveStatus } from "./fulfilment-steps.server";

export type FulfilmentStepInput = {
  fulfilmentOrderId: string;
  actor: FulfilmentActor;
  now?: Date;
};

/** The store takes the task on (ROUTED → ACCEPTED); the order is now in fulfilment. */
export async function acceptFulfilment(
  db: Db,
  input: FulfilmentStepInput,
): Promise<{ status: "ACCEPTED" }> {
  return withTransaction(db, async (tx) => {
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor);
    await moveStatus(tx, fo, "ACCEPTED", input.actor);
    await markOrderInFulfilment(tx, fo.orderId);
    return { status: "ACCEPTED" as const };
  });
}
