"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { BUYER_ROLES } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { expireOrderHold as expireHold } from "./expire-order-hold.server";

/** The buyer's page, at the end of its countdown: cancel the lapsed order and free its stock now. */
export const expireOrderHold = defineAction({
  input: z.object({ orderNo: z.string().trim().min(1).max(40) }),
  access: BUYER_ROLES,
  handler: async ({ orderNo }, { user }) => expireHold(await getDb(), { orderNo, userId: user.id }),
});
