import { defineRoute } from "@/lib/actions/safe-route.server";
import { getDb } from "@/lib/db/client.server";
import { loadReplenishment } from "@/lib/inventory-insights/load-suggestions.server";
import { replenishmentCsv } from "@/lib/inventory-insights/replenishment";
import { replenishmentQuerySchema } from "@/lib/inventory-insights/suggestion-query";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";

// Suggestions change with every sale and stock movement: never prerender or cache this route.
export const dynamic = "force-dynamic";

/** Replenishment suggestions as a CSV pick list, nodes and SKUs by code (admins only). */
export const GET = defineRoute({
  from: "query",
  input: replenishmentQuerySchema,
  access: ["ADMIN"],
  handler: async (query) => {
    const now = new Date();
    const { groups, labels } = await loadReplenishment(await getDb(), {
      filter: { categoryId: query.categoryId, skuQuery: query.skuQuery },
      windowDays: query.windowDays,
      leadTimeDays: query.leadTimeDays,
      targetDays: query.targetDays,
      now,
    });
    const csv = replenishmentCsv(
      groups.flatMap((g) => g.suggestions),
      {
        node: (id) => labels.nodes[id]?.code ?? id,
        sku: (id) => labels.skus[id]?.skuCode ?? id,
      },
    );
    // The file is named by the Shanghai day it was taken on.
    const day = shanghaiDayOf(now);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="replenishment-${day}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
