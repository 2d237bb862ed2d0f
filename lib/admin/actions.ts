"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { saveRoutingRules } from "@/lib/admin/save-routing-rules.server";
import { rulesInputSchema } from "@/lib/routing/rules-input";

export const saveRoutingRulesAction = defineAction({
  input: rulesInputSchema,
  access: ["ADMIN"],
  handler: async (input) => {
    const saved = await saveRoutingRules(input);
    revalidatePath("/admin/routing");
    return saved;
  },
});
