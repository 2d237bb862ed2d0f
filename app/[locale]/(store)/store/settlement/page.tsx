import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { StatementFilters } from "@/components/admin/settlement/statement-filters";
import { StatementTable } from "@/components/admin/settlement/statement-table";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { isAppError } from "@/lib/errors/app-error";
import { localized } from "@/lib/i18n/localized";
import { groupByOrganization } from "@/lib/settlement/report";
import { listStatementOrganizations, settlementStatement } from "@/lib/settlement/report.server";
import { readStatementFilter, statementQuery } from "@/lib/settlement/statement-filter";
import { storeOrganizationId } from "@/lib/settlement/store-scope.server";
import type { RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

/** The organisation the staff member may read; a link naming another ends on the 403 page. */
async function ownOrganization(
  db: Awaited<ReturnType<typeof getDb>>,
  user: { storeNodeId: string | null },
  requested: string | undefined,
) {
  try {
    return await storeOrganizationId(db, user, requested);
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}

export default async function StoreSettlement({ searchParams }: Props) {
  const user = await requirePageRole(["STORE_STAFF"], "/store/settlement");
  const asked = readStatementFilter(await searchParams, new Date());
  const db = await getDb();
  const organizationId = await ownOrganization(db, user, asked.organizationId);
  const filter = { ...asked, organizationId };
  const [t, locale, organizations, rows] = await Promise.all([
    getTranslations("settlement.statement"),
    getLocale(),
    listStatementOrganizations(db),
    settlementStatement(db, filter),
  ]);
  const own = organizations.filter((o) => o.id === organizationId);
  const labelled = own.map((o) => ({ id: o.id, label: `${o.code} · ${localized(locale, o)}` }));
  // The download link leaves the organisation out: the server puts in the staff member's own.
  const csv = statementQuery({ ...filter, organizationId: undefined });
  return (
    <div className="space-y-4">
      <PageTitle
        title={t("storeTitle")}
        subtitle={t("storeSubtitle", { organization: own[0] ? localized(locale, own[0]) : "" })}
      />
      <a
        className="text-sm underline"
        href={`/api/store/settlement/statement?${csv}`}
        download
        data-testid="statement-csv"
      >
        {t("csv")}
      </a>
      <StatementFilters action="/store/settlement" filter={filter} />
      <StatementTable groups={groupByOrganization(rows, labelled)} />
    </div>
  );
}
