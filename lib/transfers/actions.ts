"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import type { SessionUser } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { cancelTransfer } from "./cancel-transfer.server";
import { createTransfer } from "./create-transfer.server";
import { linesBySkuId } from "./find-skus-by-code.server";
import { receiveTransfer } from "./receive-transfer.server";
import { shipTransfer } from "./ship-transfer.server";
import {
  createTransferByCodeSchema,
  receiveTransferSchema,
  transferIdSchema,
  type TransferActor,
} from "./transfer-rules";

// Roles are checked here and again in each use case; the destination store inside receiving.

const actorOf = (user: SessionUser): TransferActor => ({
  id: user.id,
  role: user.role,
  storeNodeId: user.storeNodeId,
});

function refreshTransferPages() {
  revalidatePath("/admin/transfers");
  revalidatePath("/admin/stock");
  revalidatePath("/store/transfers");
}

/** An admin plans a transfer between two nodes, SKUs named by code (DRAFT; nothing moves yet). */
export const createTransferAction = defineAction({
  input: createTransferByCodeSchema,
  access: ["ADMIN"],
  handler: async (form, { user }) => {
    const db = await getDb();
    const transfer = { ...form, lines: await linesBySkuId(db, form.lines) };
    const created = await createTransfer(db, { actor: actorOf(user), transfer });
    refreshTransferPages();
    return created;
  },
});

/** An admin ships a DRAFT transfer: off the source's shelf, inbound at the destination. */
export const shipTransferAction = defineAction({
  input: transferIdSchema,
  access: ["ADMIN"],
  handler: async ({ transferId }, { user }) => {
    const shipped = await shipTransfer(await getDb(), { actor: actorOf(user), transferId });
    refreshTransferPages();
    return shipped;
  },
});

/** The destination's staff (or an admin) count a shipped transfer in, line by line. */
export const receiveTransferAction = defineAction({
  input: receiveTransferSchema,
  access: ["STORE_STAFF", "ADMIN"],
  handler: async (receipt, { user }) => {
    const received = await receiveTransfer(await getDb(), { actor: actorOf(user), receipt });
    refreshTransferPages();
    return received;
  },
});

/** An admin cancels a transfer not yet received; a shipped one puts its units back. */
export const cancelTransferAction = defineAction({
  input: transferIdSchema,
  access: ["ADMIN"],
  handler: async ({ transferId }, { user }) => {
    const cancelled = await cancelTransfer(await getDb(), { actor: actorOf(user), transferId });
    refreshTransferPages();
    return cancelled;
  },
});
