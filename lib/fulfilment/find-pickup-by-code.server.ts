import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import type { FulfilmentActor } from "./actor";
import { PICKUP_CODE_PATTERN } from "./pickup-code";

/**
 * The order waiting at the actor's store under a pickup code, to show before the handover.
 * Read-only: the handover itself is verifyPickupCode, which counts wrong attempts per order.
 */
export async function findPickupByCode(db: Db, input: { actor: FulfilmentActor; code: string }) {
  const code = input.code.trim();
  if (!PICKUP_CODE_PATTERN.test(code)) {
    throw new AppError("INVALID_INPUT", "A pickup code is 6 digits.", {
      fieldErrors: { code: [{ problem: "BAD_FORMAT" }] },
      details: { reason: "PICKUP_CODE_FORMAT" },
    });
  }
  if (input.actor.role !== "STORE_STAFF" || input.actor.storeNodeId === null) {
    throw new AppError("FORBIDDEN", "Only a store's staff verify its pickup codes.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  }
  const found = await db.fulfilmentOrder.findMany({
    where: {
      nodeId: input.actor.storeNodeId,
      pickupCode: code,
      status: { in: ["READY_FOR_PICKUP", "PICKED_UP"] },
    },
    select: {
      id: true,
      status: true,
      order: { select: { orderNo: true, contactName: true, status: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const ready = found.filter((f) => f.status === "READY_FOR_PICKUP");
  if (ready.length === 0) {
    if (found.length > 0) {
      throw new AppError("CONFLICT", "This pickup code was already used.", {
        details: { reason: "PICKUP_CODE_USED" },
      });
    }
    throw new AppError("NOT_FOUND", "No order is ready for pickup at this store with this code.", {
      details: { reason: "PICKUP_CODE" },
    });
  }
  return ready.map((f) => ({
    fulfilmentOrderId: f.id,
    orderNo: f.order.orderNo,
    contactName: f.order.contactName,
  }));
}
