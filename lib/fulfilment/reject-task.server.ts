import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { rejectFulfilment, type RejectResult } from "@/lib/orders/reject-fulfilment.server";
import type { FulfilmentActor } from "./actor";
import { assertCanMove, loadForActor } from "./fulfilment-steps.server";

/**
 * A store turns a task down: only its own staff (or an admin), only on a paid order and only
 * before picking. The order's remainder is then routed to the next best node.
 */
export async function rejectStoreTask(
  db: Db,
  input: { fulfilmentOrderId: string; actor: FulfilmentActor; reason: string },
): Promise<RejectResult> {
  // Checked before handing over: rejectFulfilment itself guards the status by compare-and-set.
  const fo = await loadForActor(db, input.fulfilmentOrderId, input.actor);
  assertCanMove(fo, "REJECTED");
  return rejectFulfilment(db, {
    fulfilmentOrderId: fo.id,
    reason: input.reason,
    actorUserId: input.actor.id,
  });
}
