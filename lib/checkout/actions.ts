"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { checkoutSchema } from "./checkout-input";
import { placeCheckoutOrder as placeCartOrder } from "./place-checkout-order.server";
import { previewCoupon as previewCartCoupon } from "./preview-coupon.server";

/** Places the consumer's cart as an order and says where to pay. */
export const placeCheckoutOrder = defineAction({
  input: checkoutSchema,
  access: ["CONSUMER"],
  handler: async (input, { user }) => placeCartOrder(await getDb(), { userId: user.id, input }),
});

/** What a coupon would take off the consumer's cart now; changes nothing. */
export const previewCoupon = defineAction({
  input: z.object({ couponCode: z.string().trim().min(1, "Enter a coupon code.").max(50) }),
  access: ["CONSUMER"],
  handler: async ({ couponCode }, { user }) =>
    previewCartCoupon(await getDb(), { userId: user.id, couponCode }),
});
