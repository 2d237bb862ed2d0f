import { defineRoute } from "@/lib/actions/safe-route.server";
import { getDb } from "@/lib/db/client.server";
import { listStatementOrganizations, settlementStatement } from "@/lib/settlement/report.server";
import { statementCsvResponse } from "@/lib/settlement/statement-csv";
import { statementFilterOf, statementQuerySchema } from "@/lib/settlement/statement-filter";

// Statements change with every payment and refund: never prerender or cache this route.
export const dynamic = "force-dynamic";

/** The settlement statement of any organisation (or all) as a CSV download (admins only). */
export const GET = defineRoute({
  from: "query",
  input: statementQuerySchema,
  access: ["ADMIN"],
  handler: async (query) => {
    const db = await getDb();
    const filter = statementFilterOf(query);
    const [organizations, rows] = await Promise.all([
      listStatementOrganizations(db),
      settlementStatement(db, filter),
    ]);
    return statementCsvResponse(rows, organizations, filter);
  },
});
