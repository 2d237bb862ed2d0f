"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { BUYER_ROLES } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { payDemoOrder } from "./pay-demo-order.server";
import { recordDemoFailure } from "./record-demo-failure.server";
import { requestOrigin } from "./request-origin.server";
import { startPayment } from "./start-payment.server";

const orderInput = z.object({ orderNo: z.string().trim().min(1).max(40) });

/** The demo provider's Pay button: completes payment through the same path as a card payment. */
export const payDemo = defineAction({
  input: orderInput,
  access: BUYER_ROLES,
  handler: async ({ orderNo }, { user }) => {
    const paid = await payDemoOrder(await getDb(), { orderNo, userId: user.id });
    return { orderNo: paid.orderNo, outcome: paid.outcome };
  },
});

/** The demo provider's Fail button: a declined payment; the order keeps waiting until its hold ends. */
export const failDemo = defineAction({
  input: orderInput,
  access: BUYER_ROLES,
  handler: async ({ orderNo }, { user }) =>
    recordDemoFailure(await getDb(), { orderNo, userId: user.id }),
});

/** Sends the buyer of an unpaid order to the payment provider. */
export const payOrderNow = defineAction({
  input: orderInput,
  access: BUYER_ROLES,
  handler: async ({ orderNo }, { user }) => {
    const { redirectUrl } = await startPayment(await getDb(), {
      orderNo,
      userId: user.id,
      origin: await requestOrigin(),
    });
    return { redirectUrl };
  },
});
