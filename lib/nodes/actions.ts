"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { adjustStock } from "@/lib/inventory/adjust-stock.server";
import { adjustStockSchema, stockSettingsSchema } from "@/lib/inventory/stock-admin-input";
import { saveNodeSchema, setNodeActiveSchema } from "./node-input";
import { saveNode } from "./save-node.server";
import { setNodeActive } from "./set-node-active.server";
import { setStockSettings } from "./set-stock-settings.server";

export const saveNodeAction = defineAction({
  input: saveNodeSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveNode(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/nodes");
    return saved;
  },
});

export const setNodeActiveAction = defineAction({
  input: setNodeActiveSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setNodeActive(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/nodes");
    return saved;
  },
});

export const adjustStockAction = defineAction({
  input: adjustStockSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const adjusted = await adjustStock(await getDb(), input, { userId: user.id });
    // The movement is published by the next feed tick; this publishes it at once.
    notifyStockChanged();
    revalidatePath("/admin/stock");
    return adjusted;
  },
});

export const setStockSettingsAction = defineAction({
  input: stockSettingsSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setStockSettings(await getDb(), input, { userId: user.id });
    revalidatePath("/admin/stock");
    return saved;
  },
});
