import { defineRoute } from "@/lib/actions/safe-route.server";
import { liveStockQuerySchema, openLiveStockStream } from "@/lib/catalogue/live-stock.server";
import { getDb } from "@/lib/db/client.server";

export const dynamic = "force-dynamic";

/** The web stock of a product page's sizes, live, as server-sent events (`?skus=CODE,CODE`). */
export const GET = defineRoute({
  from: "query",
  input: liveStockQuerySchema,
  access: "public",
  handler: async ({ skus }, { signal }) =>
    openLiveStockStream(await getDb(), { skuCodes: skus, signal }),
});
