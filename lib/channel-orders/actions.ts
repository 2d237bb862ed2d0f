"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { intakeSettingsInputSchema } from "./channel-order-input";
import { setChannelIntakeSettings } from "./set-intake-settings.server";

export const setChannelIntakeSettingsAction = defineAction({
  input: intakeSettingsInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setChannelIntakeSettings(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/allocation");
    return saved;
  },
});
