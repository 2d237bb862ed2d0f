"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { requestOrigin } from "@/lib/payments/request-origin.server";
import { startPayment } from "@/lib/payments/start-payment.server";

/** Sends the buyer of an unpaid order to the payment provider. */
export const payOrderNow = defineAction({
  input: z.object({ orderNo: z.string().trim().min(1).max(40) }),
  access: ["CONSUMER"],
  handler: async ({ orderNo }, { user }) => {
    const { redirectUrl } = await startPayment({
      orderNo,
      userId: user.id,
      origin: await requestOrigin(),
    });
    return { redirectUrl };
  },
});
