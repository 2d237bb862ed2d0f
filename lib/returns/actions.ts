"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import type { SessionUser } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { receiveReturn } from "./receive-return.server";
import { refundReturn } from "./refund-return.server";
import { requestReturn } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";
import { receiveReturnSchema, requestReturnSchema, walkInReturnSchema } from "./return-rules";
import { takeWalkInReturn } from "./walk-in-return.server";

// Roles are checked here and the node inside each use case: staff act at their own store,
// admins at a warehouse.
const COUNTER = ["STORE_STAFF", "ADMIN"] as const;

const actorOf = (user: SessionUser): ReturnActor => ({
  id: user.id,
  role: user.role,
  storeNodeId: user.storeNodeId,
});

function refreshReturnPages() {
  revalidatePath("/store/returns");
  revalidatePath("/admin/returns");
  revalidatePath("/account/orders");
}

/** A consumer asks to return items of one of their delivered or collected orders. */
export const requestReturnAction = defineAction({
  input: requestReturnSchema,
  access: ["CONSUMER"],
  handler: async (request, { user }) => requestReturn(await getDb(), { userId: user.id, request }),
});

/** Staff take a requested return's goods and decide each line: restock, damaged or refused. */
export const receiveReturnAction = defineAction({
  input: receiveReturnSchema,
  access: COUNTER,
  handler: async (receipt, { user }) => {
    const received = await receiveReturn(await getDb(), { actor: actorOf(user), receipt });
    refreshReturnPages();
    return received;
  },
});

/** A walk-in customer returns at the counter from the order number and their phone or email. */
export const walkInReturnAction = defineAction({
  input: walkInReturnSchema,
  access: ["STORE_STAFF"],
  handler: async (walkIn, { user }) => {
    const received = await takeWalkInReturn(await getDb(), { actor: actorOf(user), walkIn });
    refreshReturnPages();
    return received;
  },
});

/** Pays a received return back through the order's original payment, once. */
export const refundReturnAction = defineAction({
  input: z.object({ returnId: z.string().min(1).max(64) }),
  access: COUNTER,
  handler: async ({ returnId }, { user }) => {
    const refunded = await refundReturn(await getDb(), { actor: actorOf(user), returnId });
    refreshReturnPages();
    return refunded;
  },
});
