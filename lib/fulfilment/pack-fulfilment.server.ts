import "server-only";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import type { FulfilmentStepInput } from "./accept-fulfilment.server";
import { loadForActor, moveStatus } from "./fulfilment-steps.server";

/** Every line is picked and the goods are packed (PICKED → PACKED). */
export async function packFulfilment(
  db: Db,
  input: FulfilmentStepInput,
): Promise<{ status: "PACKED" }> {
  return withTransaction(db, async (tx) => {
    const fo = await loadForActor(tx, input.fulfilmentOrderId, input.actor);
    await moveStatus(tx, fo, "PACKED", input.actor);
    return { status: "PACKED" as const };
  });
}
