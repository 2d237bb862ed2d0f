import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { StatementFilters } from "@/components/admin/settlement/statement-filters";
import { StatementTable } from "@/components/admin/settlement/statement-table";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import { daysOfPeriod, groupByOrganization } from "@/lib/settlement/report";
import { listStatementOrganizations, settlementStatement } from "@/lib/settlement/report.server";
import {
  entriesQuery,
  readStatementFilter,
  statementQuery,
} from "@/lib/settlement/statement-filter";
import type { RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export default async function AdminSettlement({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/settlement");
  const filter = readStatementFilter(await searchParams, new Date());
  const db = await getDb();
  const [t, locale, organizations, rows] = await Promise.all([
    getTranslations("settlement.statement"),
    getLocale(),
    listStatementOrganizations(db),
    settlementStatement(db, filter),
  ]);
  const labelled = organizations.map((o) => ({
    id: o.id,
    label: `${o.code} · ${localized(locale, o)}`,
  }));
  return (
    <div className="space-y-4">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <div className="flex flex-wrap gap-4 text-sm">
        <Link href="/admin/settlement/rates" className="underline">
          {t("rates")}
        </Link>
        <a
          className="underline"
          href={`/api/admin/settlement/statement?${statementQuery(filter)}`}
          download
          data-testid="statement-csv"
        >
          {t("csv")}
        </a>
      </div>
      <StatementFilters action="/admin/settlement" filter={filter} organizations={labelled} />
      <StatementTable
        groups={groupByOrganization(rows, labelled)}
        entriesHref={(organizationId, period) =>
          `/admin/settlement/entries?${entriesQuery({
            organizationId,
            ...daysOfPeriod(period, filter.period, filter),
            page: 1,
          })}`
        }
      />
    </div>
  );
}
