import { z } from "zod";
import { defineRoute } from "@/lib/actions/safe-route.server";
import { CHANNEL_ORDER_BODY_LIMIT_BYTES } from "@/lib/channel-orders/channel-order-input";
import { intakeChannelOrder } from "@/lib/channel-orders/intake-channel-order.server";
import { limitBody } from "@/lib/channel-orders/limit-body";
import { getDb } from "@/lib/db/client.server";
import { verifyFeedToken } from "@/lib/feed/verify-feed-token.server";

export const dynamic = "force-dynamic";

// Only the channel code is checked before the token; the use case validates the order itself,
// so a caller without the channel's token learns nothing about what a valid order looks like.
const input = z.looseObject({ code: z.string().trim().min(1).max(50) });

/**
 * A marketplace connector places its channel's order with the channel's bearer token: 201 with
 * OnePool's order number, 200 with the same number for a resend, a typed refusal otherwise.
 */
export const POST = limitBody(
  CHANNEL_ORDER_BODY_LIMIT_BYTES,
  defineRoute({
    from: "json",
    input,
    access: [],
    bearer: async (token, { code }) => verifyFeedToken(await getDb(), { code, token }),
    handler: async (order) => {
      const receipt = await intakeChannelOrder(await getDb(), { input: order });
      return Response.json(receipt, { status: receipt.created ? 201 : 200 });
    },
  }),
);
