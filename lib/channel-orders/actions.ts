"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { partialOrdersInputSchema } from "./channel-order-input";
import { setChannelPartialOrders } from "./set-partial-orders.server";

export const setChannelPartialOrdersAction = defineAction({
  input: partialOrdersInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setChannelPartialOrders(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/allocation");
    return saved;
  },
});
