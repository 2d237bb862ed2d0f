import { defineRoute } from "@/lib/actions/safe-route.server";
import { readChannelOrderEvents } from "@/lib/channel-orders/read-channel-order-events.server";
import { getDb } from "@/lib/db/client.server";
import { feedQuerySchema } from "@/lib/feed/feed-input";
import { verifyFeedToken } from "@/lib/feed/verify-feed-token.server";

// Orders change every moment: never prerender or cache this route.
export const dynamic = "force-dynamic";

/**
 * What happened to a channel's orders (accepted, paid, ready for pickup, picked up, shipped with
 * courier and tracking, delivered, cancelled, refunded), after `?since=<cursor>` (from the start
 * without it), for the channel's connector with its token, or an admin session.
 */
export const GET = defineRoute({
  from: "query",
  input: feedQuerySchema,
  access: ["ADMIN"],
  bearer: async (token, { code }) => verifyFeedToken(await getDb(), { code, token }),
  handler: async ({ code, since, limit }) =>
    readChannelOrderEvents(await getDb(), { code, since, limit }),
});
