import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { QueryLink } from "@/components/ui/query-link";
import { PageTitle } from "@/components/ui/card";
import { AuditChanges } from "@/components/admin/audit/audit-changes";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { readAuditFilter } from "@/lib/audit/audit-filter";
import { loadAuditNames } from "@/lib/audit/audit-names.server";
import { auditChanges, auditIdsOf, auditTarget } from "@/lib/audit/audit-words";
import { listAuditEntries, listAuditFacets } from "@/lib/audit/list-audit.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import type { RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export default async function AdminAudit({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/audit");
  const filter = readAuditFilter(await searchParams);
  const db = await getDb();
  const [t, locale, result, facets] = await Promise.all([
    getTranslations("stock.audit"),
    getLocale(),
    listAuditEntries(db, filter),
    listAuditFacets(db),
  ]);
  const names = await loadAuditNames(db, [...new Set(result.rows.flatMap(auditIdsOf))]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Asia/Shanghai",
  });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageLink = (page: number) =>
    `/admin/audit?${new URLSearchParams({
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actorId ? { actor: filter.actorId } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      page: String(page),
    })}`;
  // Codes written by later features may not be worded yet; they show as stored.
  const entityLabel = (code: string) =>
    t.has(`entities.${code}`) ? t(`entities.${code}` as "entities.NODE") : code;
  const actionLabel = (code: string) =>
    t.has(`actions.${code}`) ? t(`actions.${code}` as "actions.ADJUST") : code;

  return (
    <div className="space-y-4">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <form
        className="grid items-end gap-2 sm:grid-cols-6"
        role="search"
        action="/admin/audit"
        data-testid="audit-filter"
      >
        <FilterSelect
          id="audit-entity"
          name="entity"
          label={t("entity")}
          anyLabel={t("any")}
          value={filter.entity}
          options={facets.entities.map((e) => ({ value: e, label: entityLabel(e) }))}
        />
        <FilterSelect
          id="audit-action"
          name="action"
          label={t("action")}
          anyLabel={t("any")}
          value={filter.action}
          options={facets.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <FilterSelect
          id="audit-actor"
          name="actor"
          label={t("actor")}
          anyLabel={t("any")}
          value={filter.actorId}
          options={facets.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
        />
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("from")}</span>
          <Input type="date" name="from" defaultValue={filter.from} compact className="w-full" />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("to")}</span>
          <Input type="date" name="to" defaultValue={filter.to} compact className="w-full" />
        </label>
        <Button type="submit" size="sm">
          {t("filter")}
        </Button>
      </form>
      {result.rows.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="audit-entries">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2">{t("when")}</th>
                <th>{t("actor")}</th>
                <th>{t("entity")}</th>
                <th>{t("action")}</th>
                <th>{t("target")}</th>
                <th>{t("changes")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((e) => (
                <tr
                  key={e.id}
                  className="border-t border-stone-100 align-top"
                  data-testid="audit-row"
                >
                  <td className="py-2 whitespace-nowrap">{when.format(e.createdAt)}</td>
                  <td>{e.actorName ?? t("system")}</td>
                  <td>{entityLabel(e.entity)}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td className="max-w-48 break-words" data-testid="audit-target">
                    {auditTarget(e, names) ?? "—"}
                  </td>
                  <td className="max-w-md">
                    <AuditChanges changes={auditChanges(e.before, e.after, names)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
