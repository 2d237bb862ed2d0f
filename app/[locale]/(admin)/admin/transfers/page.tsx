import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NewTransferForm } from "@/components/admin/transfers/new-transfer-form";
import { TransferList } from "@/components/admin/transfers/transfer-list";
import { ClientMessages } from "@/components/layout/client-messages";
import { Button } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { QueryLink } from "@/components/ui/query-link";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import { listTransferNodes, listTransfers } from "@/lib/transfers/list-transfers.server";
import { transferPrefill } from "@/lib/transfers/transfer-prefill";
import { TRANSFER_STATUSES } from "@/lib/transfers/transfer-rules";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transfers.admin");
  return { title: t("title") };
}

/** HQ's transfers: the list by status with Ship and Cancel, and a form to plan a new one. */
export default async function AdminTransfers({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/transfers");
  const query = await searchParams;
  const statusParam = readSearchParam(query.status, 20);
  const status = TRANSFER_STATUSES.find((s) => s === statusParam);
  const page = Math.max(1, Math.floor(Number(readSearchParam(query.page, 6) ?? "1")) || 1);
  const db = await getDb();
  const [t, ts, locale, nodes, result] = await Promise.all([
    getTranslations("transfers.admin"),
    getTranslations("transfers.status"),
    getLocale(),
    listTransferNodes(db),
    listTransfers(db, { status, page: Math.min(page, 10_000) }),
  ]);
  const prefill = transferPrefill(
    {
      from: readSearchParam(query.from, 32),
      to: readSearchParam(query.to, 32),
      sku: readSearchParam(query.sku, 64),
      qty: readSearchParam(query.qty, 6),
      reason: readSearchParam(query.reason, 500),
    },
    nodes,
  );
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageLink = (to: number) =>
    `/admin/transfers?${new URLSearchParams({ ...(status ? { status } : {}), page: String(to) })}`;
  return (
    <div className="space-y-6">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <ClientMessages namespaces={["transfers"]}>
        <NewTransferForm
          key={JSON.stringify(prefill)}
          nodes={nodes.map((n) => ({ id: n.id, label: `${localized(locale, n)} (${n.code})` }))}
          prefill={prefill}
        />
        <section className="space-y-3">
          <form className="flex flex-wrap items-end gap-2" role="search" action="/admin/transfers">
            <div className="w-56">
              <FilterSelect
                id="transfer-status"
                name="status"
                label={t("status")}
                anyLabel={t("anyStatus")}
                value={status}
                options={TRANSFER_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
              />
            </div>
            <Button type="submit" size="sm">
              {t("show")}
            </Button>
            <p className="ml-auto text-sm text-stone-600" data-testid="transfer-total">
              {t("total", { total: result.total })}
            </p>
          </form>
          {result.transfers.length === 0 ? (
            <p className="text-stone-600">{t("empty")}</p>
          ) : (
            <TransferList transfers={result.transfers} />
          )}
          {pages > 1 && (
            <nav
              className="flex items-center gap-4 text-sm"
              aria-label={t("page", { page, pages })}
            >
              {page > 1 ? <QueryLink href={pageLink(page - 1)}>{t("previous")}</QueryLink> : null}
              <span>{t("page", { page, pages })}</span>
              {page < pages ? <QueryLink href={pageLink(page + 1)}>{t("next")}</QueryLink> : null}
            </nav>
          )}
        </section>
      </ClientMessages>
    </div>
  );
}
