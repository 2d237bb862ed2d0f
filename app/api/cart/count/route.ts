import { z } from "zod";
import { defineRoute } from "@/lib/actions/safe-route.server";
import { getCurrentCart } from "@/lib/cart/get-cart.server";
import { getDb } from "@/lib/db/client.server";

export const dynamic = "force-dynamic";

/** How many items the caller's cart holds, for the header of cached pages. No query parameters. */
export const GET = defineRoute({
  from: "query",
  input: z.object({}).strict(),
  access: "public",
  handler: async () => ({ itemCount: (await getCurrentCart(await getDb())).itemCount }),
});
