"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { BUYER_ROLES } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { checkoutSchema } from "./checkout-input";
import { placeCheckoutOrder as placeCartOrder } from "./place-checkout-order.server";
import { previewCoupon as previewCartCoupon } from "./preview-coupon.server";

/** Places the buyer's cart (a consumer's or an employee's) as an order and says where to pay. */
export const placeCheckoutOrder = defineAction({
  input: checkoutSchema,
  access: BUYER_ROLES,
  handler: async (input, { user }) => placeCartOrder(await getDb(), { user, input }),
});

/** What a coupon would take off the consumer's cart now; changes nothing. */
export const previewCoupon = defineAction({
  input: z.object({ couponCode: z.string().trim().min(1, "Enter a coupon code.").max(50) }),
  access: ["CONSUMER"],
  handler: async ({ couponCode }, { user }) =>
    previewCartCoupon(await getDb(), { userId: user.id, couponCode }),
});
