import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EntriesTable } from "@/components/admin/settlement/entries-table";
import { Button } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { QueryLink } from "@/components/ui/query-link";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { formatMoney } from "@/lib/i18n/money";
import { localized } from "@/lib/i18n/localized";
import { listSettlementEntries } from "@/lib/settlement/list-entries.server";
import { listStatementOrganizations } from "@/lib/settlement/report.server";
import {
  SETTLEMENT_KINDS,
  entriesQuery,
  readEntriesFilter,
  statementQuery,
} from "@/lib/settlement/statement-filter";
import type { RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export default async function AdminSettlementEntries({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/settlement/entries");
  const filter = readEntriesFilter(await searchParams, new Date());
  const db = await getDb();
  const [t, kinds, locale, organizations, result] = await Promise.all([
    getTranslations("settlement.entries"),
    getTranslations("settlement.kinds"),
    getLocale(),
    listStatementOrganizations(db),
    listSettlementEntries(db, filter),
  ]);
  const organization = organizations.find((o) => o.id === filter.organizationId);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageLink = (page: number) =>
    `/admin/settlement/entries?${entriesQuery({ ...filter, page })}`;
  const back = statementQuery({ ...filter, period: filter.from === filter.to ? "day" : "month" });
  return (
    <div className="space-y-4">
      <Link href={`/admin/settlement?${back}`} className="text-sm text-stone-600 underline">
        {t("back")}
      </Link>
      <PageTitle
        title={t("title")}
        subtitle={t("subtitle", {
          organization: organization
            ? `${organization.code} · ${localized(locale, organization)}`
            : t("allOrganizations"),
          from: filter.from,
          to: filter.to,
        })}
      />
      <form
        className="flex flex-wrap items-end gap-2"
        role="search"
        action="/admin/settlement/entries"
        data-testid="entries-filter"
      >
        {filter.organizationId ? (
          <input type="hidden" name="org" value={filter.organizationId} />
        ) : null}
        <input type="hidden" name="from" value={filter.from} />
        <input type="hidden" name="to" value={filter.to} />
        <FilterSelect
          id="entries-kind"
          name="kind"
          label={t("kind")}
          anyLabel={t("anyKind")}
          value={filter.kind}
          options={SETTLEMENT_KINDS.map((k) => ({ value: k, label: kinds(k) }))}
        />
        <Button type="submit" size="sm">
          {t("filter")}
        </Button>
      </form>
      <p className="text-sm text-stone-600" data-testid="entries-summary">
        {t("summary", { count: result.total, sum: formatMoney(result.sum, locale) })}
      </p>
      <EntriesTable rows={result.rows} />
      <nav
        className="flex items-center gap-4 text-sm"
        aria-label={t("page", { page: filter.page, pages })}
      >
        {filter.page > 1 ? (
          <QueryLink href={pageLink(filter.page - 1)}>{t("previous")}</QueryLink>
        ) : null}
        <span>{t("page", { page: filter.page, pages })}</span>
        {filter.page < pages ? (
          <QueryLink href={pageLink(filter.page + 1)}>{t("next")}</QueryLink>
        ) : null}
      </nav>
    </div>
  );
}
