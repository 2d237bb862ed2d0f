import { defineRoute } from "@/lib/actions/safe-route.server";
import { getDb } from "@/lib/db/client.server";
import { feedQuerySchema } from "@/lib/feed/feed-input";
import { readChannelFeed } from "@/lib/feed/read-channel-feed.server";
import { verifyFeedToken } from "@/lib/feed/verify-feed-token.server";

// Stock changes every moment: never prerender or cache this route.
export const dynamic = "force-dynamic";

/**
 * A channel's stock feed for marketplace connectors: the full snapshot, or with `?since=<cursor>`
 * the changes after it. Readable by an admin session or the channel's own feed token.
 */
export const GET = defineRoute({
  from: "query",
  input: feedQuerySchema,
  access: ["ADMIN"],
  bearer: async (token, { code }) => verifyFeedToken(await getDb(), { code, token }),
  handler: async ({ code, since, limit }) => readChannelFeed(await getDb(), { code, since, limit }),
});
