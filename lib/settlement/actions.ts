"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { cancelRate } from "./cancel-rate.server";
import { cancelRateSchema, newRateSchema } from "./rates";
import { saveRate } from "./save-rate.server";

export const saveRateAction = defineAction({
  input: newRateSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveRate(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/settlement/rates");
    return saved;
  },
});

export const cancelRateAction = defineAction({
  input: cancelRateSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const cancelled = await cancelRate(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/settlement/rates");
    return cancelled;
  },
});
