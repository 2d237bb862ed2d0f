"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import {
  channelPriorityInputSchema,
  deleteRuleInputSchema,
  policyInputSchema,
  previewInputSchema,
  tierRuleInputSchema,
} from "./allocation-input";
import { previewAllocationChange } from "./preview-allocation-change.server";
import { deleteAllocationPolicy, saveAllocationPolicy } from "./save-allocation-policy.server";
import { deleteTierRule, saveTierRule } from "./save-tier-rule.server";
import { setChannelPriority } from "./set-channel-priority.server";

const PAGE = "/admin/allocation";

export const previewAllocationChangeAction = defineAction({
  input: previewInputSchema,
  access: ["ADMIN"],
  handler: async (input) => previewAllocationChange(await getDb(), input),
});

export const saveAllocationPolicyAction = defineAction({
  input: policyInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveAllocationPolicy(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE);
    return saved;
  },
});

export const deleteAllocationPolicyAction = defineAction({
  input: deleteRuleInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const deleted = await deleteAllocationPolicy(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE);
    return deleted;
  },
});

export const saveTierRuleAction = defineAction({
  input: tierRuleInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveTierRule(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE);
    return saved;
  },
});

export const deleteTierRuleAction = defineAction({
  input: deleteRuleInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const deleted = await deleteTierRule(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE);
    return deleted;
  },
});

export const setChannelPriorityAction = defineAction({
  input: channelPriorityInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setChannelPriority(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE);
    return saved;
  },
});
