import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors/app-error";

/** Who performs a fulfilment step: store staff act for their store, admins for any. */
export type FulfilmentActor = { id: string; role: Role; storeNodeId: string | null };

/**
 * Refuses an actor who may not touch a node's task. `nodeIds` are the stores entitled to act
 * (the shipping node, or the receiving store for a parcel coming in).
 */
export function assertActsFor(actor: FulfilmentActor, nodeIds: readonly (string | null)[]): void {
  if (actor.role === "ADMIN") return;
  if (
    actor.role === "STORE_STAFF" &&
    actor.storeNodeId !== null &&
    nodeIds.includes(actor.storeNodeId)
  ) {
    return;
  }
  throw new AppError("FORBIDDEN", "This task belongs to another store.", {
    details: { reason: "OTHER_STORE" },
  });
}
