"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { receiveInboundSchema } from "@/lib/admin/inbound-input";
import { receiveInbound } from "@/lib/admin/receive-inbound.server";
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

export const receiveInboundAction = defineAction({
  input: receiveInboundSchema,
  access: ["ADMIN"],
  handler: async (input) => {
    const received = await receiveInbound(await getDb(), input);
    revalidatePath("/admin/inbound");
    return received;
  },
});
