"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { saveRoutingRules } from "@/lib/admin/save-routing-rules.server";
import { getDb } from "@/lib/db/client.server";
import { rulesInputSchema } from "@/lib/routing/rules-input";

export const saveRoutingRulesAction = defineAction({
  input: rulesInputSchema,
  access: ["ADMIN"],
  handler: async (input) => {
    const saved = await saveRoutingRules(await getDb(), input);
    revalidatePath("/admin/routing");
    return saved;
  },
});
