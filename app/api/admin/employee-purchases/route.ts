import { defineRoute } from "@/lib/actions/safe-route.server";
import { purchaseTotalsQuerySchema } from "@/lib/admin/employee-admin-input";
import { employeePurchaseTotals } from "@/lib/admin/employee-purchase-totals.server";
import { purchaseTotalsCsv } from "@/lib/admin/purchase-totals-csv";
import { getDb } from "@/lib/db/client.server";

// Totals change with every paid order: never prerender or cache this route.
export const dynamic = "force-dynamic";

/** Employee purchase totals of a period as a CSV download, by employee or by SKU (admins only). */
export const GET = defineRoute({
  from: "query",
  input: purchaseTotalsQuerySchema,
  access: ["ADMIN"],
  handler: async ({ period, by }) => {
    const totals = await employeePurchaseTotals(await getDb(), period);
    return new Response(purchaseTotalsCsv(totals, by), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="employee-purchases-${period}-${by}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
