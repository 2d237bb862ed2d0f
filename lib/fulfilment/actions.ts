"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import type { SessionUser } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { getRateLimiter } from "@/lib/rate-limit/index.server";
import { retryAfterSeconds } from "@/lib/rate-limit/limiter";
import { AppError } from "@/lib/errors/app-error";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import type { FulfilmentActor } from "@/lib/fulfilment/actor";
import { findPickupByCode } from "@/lib/fulfilment/find-pickup-by-code.server";
import { courierSchema, handToCourier } from "@/lib/fulfilment/hand-to-courier.server";
import { markDelivered } from "@/lib/fulfilment/mark-delivered.server";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines, pickSchema } from "@/lib/fulfilment/pick-lines.server";
import { placeWalkInOrder, walkInOrderSchema } from "@/lib/fulfilment/place-walk-in-order.server";
import { rejectStoreTask } from "@/lib/fulfilment/reject-task.server";
import { verifyPickupCode } from "@/lib/fulfilment/verify-pickup-code.server";

// Every action re-checks the role here and the store inside the use case: the (store) layout
// does not protect these endpoints.
const STAFF = ["STORE_STAFF"] as const;
const task = z.object({ fulfilmentOrderId: z.string().min(1).max(100) });
const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "6 digits.");

const actorOf = (user: SessionUser): FulfilmentActor => ({
  id: user.id,
  role: user.role,
  storeNodeId: user.storeNodeId,
});

function refreshConsole(fulfilmentOrderId?: string) {
  revalidatePath("/store");
  if (fulfilmentOrderId) revalidatePath(`/store/tasks/${fulfilmentOrderId}`);
}

/** The next step on the state machine, by name. */
export const advanceTask = defineAction({
  input: task.extend({ step: z.enum(["accept", "pack", "ready", "delivered"]) }),
  access: STAFF,
  handler: async ({ fulfilmentOrderId, step }, { user }) => {
    const db = await getDb();
    const input = { fulfilmentOrderId, actor: actorOf(user) };
    const result =
      step === "accept"
        ? await acceptFulfilment(db, input)
        : step === "pack"
          ? await packFulfilment(db, input)
          : step === "ready"
            ? await markReadyForPickup(db, input)
            : await markDelivered(db, input);
    refreshConsole(fulfilmentOrderId);
    return { status: result.status };
  },
});

export const pickTaskLines = defineAction({
  input: z.intersection(task, pickSchema),
  access: STAFF,
  handler: async (input, { user }) => {
    const result = await pickLines(await getDb(), { ...input, actor: actorOf(user) });
    refreshConsole(input.fulfilmentOrderId);
    return result;
  },
});

export const handTaskToCourier = defineAction({
  input: task.extend(courierSchema.shape),
  access: STAFF,
  handler: async (input, { user }) => {
    const result = await handToCourier(await getDb(), { ...input, actor: actorOf(user) });
    refreshConsole(input.fulfilmentOrderId);
    return result;
  },
});

export const rejectTask = defineAction({
  input: task.extend({ reason: z.string().trim().min(3, "Say why.").max(500) }),
  access: STAFF,
  handler: async (input, { user }) => {
    const result = await rejectStoreTask(await getDb(), { ...input, actor: actorOf(user) });
    refreshConsole(input.fulfilmentOrderId);
    return { rerouted: result.rerouted };
  },
});

// Looking codes up by trial would find other customers' orders: lookups are limited per staff member.
const lookupLimiter = () =>
  getRateLimiter({ prefix: "onepool:ratelimit:pickup-lookup", tokens: 10, windowSeconds: 60 });

export const lookUpPickupCode = defineAction({
  input: z.object({ code }),
  access: STAFF,
  handler: async ({ code }, { user }) => {
    const limit = await lookupLimiter().limit(user.id);
    if (!limit.success) {
      throw new AppError("RATE_LIMITED", "Too many codes tried. Wait a minute.", {
        details: { reason: "PICKUP_LOOKUP", retryAfterSeconds: retryAfterSeconds(limit) },
      });
    }
    return findPickupByCode(await getDb(), { actor: actorOf(user), code });
  },
});

export const confirmPickup = defineAction({
  input: task.extend({ code }),
  access: STAFF,
  handler: async (input, { user }) => {
    const result = await verifyPickupCode(await getDb(), { ...input, actor: actorOf(user) });
    refreshConsole(input.fulfilmentOrderId);
    return result;
  },
});

export const placeAisleOrder = defineAction({
  input: walkInOrderSchema,
  access: STAFF,
  handler: async (order, { user }) => {
    const placed = await placeWalkInOrder(await getDb(), { actor: actorOf(user), order });
    refreshConsole();
    return placed;
  },
});
