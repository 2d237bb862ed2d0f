"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { BUYER_ROLES, type SessionUser } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";
import { getRateLimiter } from "@/lib/rate-limit/index.server";
import { retryAfterSeconds } from "@/lib/rate-limit/limiter";
import { loadExchangeOptions } from "./exchange-options.server";
import { exchangeAtStore, exchangeSchema } from "./exchange-at-store.server";
import { findReturnAtCounter } from "./find-return.server";
import { receiveReturn } from "./receive-return.server";
import { refundReturn } from "./refund-return.server";
import { requestReturn } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";
import {
  findReturnSchema,
  receiveReturnSchema,
  requestReturnSchema,
  walkInReturnSchema,
} from "./return-rules";
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

/** A buyer (member or employee) asks to return items of their own delivered or collected order. */
export const requestReturnAction = defineAction({
  input: requestReturnSchema,
  access: BUYER_ROLES,
  handler: async (request, { user }) => requestReturn(await getDb(), { userId: user.id, request }),
});

// Trying order numbers with phone numbers would find other people's orders: look-ups are
// limited per member of staff.
const lookupLimiter = () =>
  getRateLimiter({ prefix: "onepool:ratelimit:return-lookup", tokens: 30, windowSeconds: 60 });

/** Staff look a return up by its code or RMA number, or an order by its number and contact. */
export const findReturnAction = defineAction({
  input: findReturnSchema,
  access: COUNTER,
  handler: async ({ query, contact }, { user }) => {
    const limit = await lookupLimiter().limit(user.id);
    if (!limit.success)
      throw new AppError("RATE_LIMITED", "Too many returns looked up. Wait a minute.", {
        details: { reason: "RETURN_LOOKUP", retryAfterSeconds: retryAfterSeconds(limit) },
      });
    return findReturnAtCounter(await getDb(), { actor: actorOf(user), query, contact });
  },
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

/** One size back, another taken, at the counter: the difference paid at the till or refunded. */
export const exchangeAtStoreAction = defineAction({
  input: exchangeSchema,
  access: ["STORE_STAFF"],
  handler: async (exchange, { user }) => {
    const exchanged = await exchangeAtStore(await getDb(), { actor: actorOf(user), exchange });
    refreshReturnPages();
    return exchanged;
  },
});

/** What a store may offer in exchange on an order the customer proves (number + phone or email). */
export const exchangeOptionsAction = defineAction({
  input: z.object({
    orderNo: z.string().trim().min(1).max(40),
    contact: z.string().trim().min(3).max(200),
  }),
  access: ["STORE_STAFF"],
  handler: async ({ orderNo, contact }, { user }) => {
    const limit = await lookupLimiter().limit(user.id);
    if (!limit.success)
      throw new AppError("RATE_LIMITED", "Too many returns looked up. Wait a minute.", {
        details: { reason: "RETURN_LOOKUP", retryAfterSeconds: retryAfterSeconds(limit) },
      });
    return loadExchangeOptions(await getDb(), { actor: actorOf(user), orderNo, contact });
  },
});
