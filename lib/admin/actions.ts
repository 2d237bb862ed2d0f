"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { receiveInboundSchema } from "@/lib/admin/inbound-input";
import { receiveInbound } from "@/lib/admin/receive-inbound.server";
import { saveRoutingRules } from "@/lib/admin/save-routing-rules.server";
import { assignEmployeePolicy } from "@/lib/admin/assign-employee-policy.server";
import {
  assignEmployeePolicySchema,
  employeeActiveSchema,
  deleteQuotaPolicySchema,
  employeePriceSchema,
  quotaPolicySchema,
} from "@/lib/admin/employee-admin-input";
import { deleteQuotaPolicy, saveQuotaPolicy } from "@/lib/admin/save-quota-policy.server";
import { setEmployeeActive } from "@/lib/admin/set-employee-active.server";
import { setEmployeePrice } from "@/lib/admin/set-employee-price.server";
import { getDb } from "@/lib/db/client.server";
import { rulesInputSchema } from "@/lib/routing/rules-input";

export const saveRoutingRulesAction = defineAction({
  input: rulesInputSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveRoutingRules(await getDb(), input, { userId: user.id });
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

export const saveQuotaPolicyAction = defineAction({
  input: quotaPolicySchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveQuotaPolicy(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/employees");
    return saved;
  },
});

export const deleteQuotaPolicyAction = defineAction({
  input: deleteQuotaPolicySchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const deleted = await deleteQuotaPolicy(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/employees");
    return deleted;
  },
});

export const assignEmployeePolicyAction = defineAction({
  input: assignEmployeePolicySchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const assigned = await assignEmployeePolicy(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/employees");
    return assigned;
  },
});

export const setEmployeePriceAction = defineAction({
  input: employeePriceSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setEmployeePrice(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/employees");
    return saved;
  },
});

export const setEmployeeActiveAction = defineAction({
  input: employeeActiveSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setEmployeeActive(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/employees");
    return saved;
  },
});
