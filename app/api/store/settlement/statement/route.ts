import { defineRoute } from "@/lib/actions/safe-route.server";
import { getDb } from "@/lib/db/client.server";
import { listStatementOrganizations, settlementStatement } from "@/lib/settlement/report.server";
import { statementCsvResponse } from "@/lib/settlement/statement-csv";
import { statementFilterOf, statementQuerySchema } from "@/lib/settlement/statement-filter";
import { storeOrganizationId } from "@/lib/settlement/store-scope.server";

// Statements change with every payment and refund: never prerender or cache this route.
export const dynamic = "force-dynamic";

/**
 * The statement of the staff member's own store organisation as a CSV download; a query naming
 * another organisation is refused (403).
 */
export const GET = defineRoute({
  from: "query",
  input: statementQuerySchema,
  access: ["STORE_STAFF"],
  handler: async (query, { user }) => {
    const db = await getDb();
    const organizationId = await storeOrganizationId(db, user, query.org);
    const filter = { ...statementFilterOf(query), organizationId };
    const [organizations, rows] = await Promise.all([
      listStatementOrganizations(db),
      settlementStatement(db, filter),
    ]);
    return statementCsvResponse(rows, organizations, filter);
  },
});
