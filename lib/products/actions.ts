"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { createStyle } from "./create-style.server";
import {
  addSkuSchema,
  bundleSchema,
  channelPriceSchema,
  createStyleSchema,
  presaleSchema,
  setLifecycleSchema,
  updateSkuSchema,
  updateStyleSchema,
} from "./product-input";
import { addSku, updateSku } from "./save-sku.server";
import { saveBundle } from "./save-bundle.server";
import { setChannelPrice } from "./set-channel-price.server";
import { setLifecycle } from "./set-lifecycle.server";
import { setPresale } from "./set-presale.server";
import { updateStyle } from "./update-style.server";

const PAGE = "/admin/products";

export const createStyleAction = defineAction({
  input: createStyleSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const created = await createStyle(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE);
    return created;
  },
});

export const updateStyleAction = defineAction({
  input: updateStyleSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await updateStyle(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});

export const setLifecycleAction = defineAction({
  input: setLifecycleSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setLifecycle(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});

export const addSkuAction = defineAction({
  input: addSkuSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await addSku(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});

export const updateSkuAction = defineAction({
  input: updateSkuSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await updateSku(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});

export const setChannelPriceAction = defineAction({
  input: channelPriceSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setChannelPrice(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});

export const saveBundleAction = defineAction({
  input: bundleSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await saveBundle(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});

export const setPresaleAction = defineAction({
  input: presaleSchema,
  access: ["ADMIN"],
  handler: async (input, { user }) => {
    const saved = await setPresale(await getDb(), input, { userId: user.id });
    revalidatePath(PAGE, "layout");
    return saved;
  },
});
