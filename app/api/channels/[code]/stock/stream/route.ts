import { defineRoute } from "@/lib/actions/safe-route.server";
import { getDb } from "@/lib/db/client.server";
import { feedStreamSchema } from "@/lib/feed/feed-input";
import { openFeedStream } from "@/lib/feed/open-feed-stream.server";
import { verifyFeedToken } from "@/lib/feed/verify-feed-token.server";

export const dynamic = "force-dynamic";

/** A channel's stock feed as server-sent events, resuming after Last-Event-ID or `?since`. */
export const GET = defineRoute({
  from: "query",
  headers: ["last-event-id"],
  input: feedStreamSchema,
  access: ["ADMIN"],
  bearer: async (token, { code }) => verifyFeedToken(await getDb(), { code, token }),
  handler: async (input, { signal }) =>
    openFeedStream(await getDb(), {
      code: input.code,
      since: input["last-event-id"] ?? input.since ?? 0,
      signal,
    }),
});
