import { getLocale, getTranslations } from "next-intl/server";
import { AdjustStockForm, StockSettingsForm } from "@/components/admin/stock/stock-level-forms";
import { ClientMessages } from "@/components/layout/client-messages";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { Input } from "@/components/ui/input";
import { QueryLink } from "@/components/ui/query-link";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import {
  getStockLevelRow,
  listStockLevels,
  listStockMovements,
} from "@/lib/inventory/list-stock-levels.server";
import { listNodes } from "@/lib/nodes/list-nodes.server";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export default async function AdminStock({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/stock");
  const query = await searchParams;
  const nodeId = readSearchParam(query.node);
  const search = readSearchParam(query.q, 60);
  const page = Math.max(1, Math.floor(Number(readSearchParam(query.page, 6) ?? "1")) || 1);
  const selected = { nodeId: readSearchParam(query.at), skuId: readSearchParam(query.sku) };
  const db = await getDb();
  const [t, locale, nodes, result, level, ledger] = await Promise.all([
    getTranslations("stock.levels"),
    getLocale(),
    listNodes(db),
    listStockLevels(db, { nodeId, search, page }),
    selected.nodeId && selected.skuId
      ? getStockLevelRow(db, { nodeId: selected.nodeId, skuId: selected.skuId })
      : null,
    selected.nodeId && selected.skuId
      ? listStockMovements(db, { nodeId: selected.nodeId, skuId: selected.skuId })
      : [],
  ]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Asia/Shanghai",
  });
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (extra: Record<string, string>) =>
    `/admin/stock?${new URLSearchParams({
      ...(nodeId ? { node: nodeId } : {}),
      ...(search ? { q: search } : {}),
      page: String(page),
      ...extra,
    })}`;
  const item = (r: {
    product: string;
    productZh: string;
    colour: string;
    colourZh: string;
    size: string;
  }) =>
    `${localized(locale, { name: r.product, nameZh: r.productZh })} · ${localized(locale, {
      name: r.colour,
      nameZh: r.colourZh,
    })} · ${r.size}`;
  const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? "" : String(n));

  return (
    <div className="space-y-4">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <form className="flex flex-wrap items-end gap-2" role="search" action="/admin/stock">
        <div className="w-64">
          <FilterSelect
            id="stock-node"
            name="node"
            label={t("node")}
            anyLabel={t("anyNode")}
            value={nodeId}
            options={nodes.map((n) => ({
              value: n.id,
              label: `${localized(locale, n)} (${n.code})`,
            }))}
          />
        </div>
        <Input
          name="q"
          defaultValue={search}
          aria-label={t("search")}
          placeholder={t("search")}
          compact
          className="min-w-0 flex-1"
        />
        <Button type="submit" size="sm">
          {t("find")}
        </Button>
      </form>

      {level && (
        <Card className="space-y-4">
          <h2 className="font-bold" data-testid="stock-selected">
            {t("selected", {
              sku: `${level.skuCode} (${item(level)})`,
              node: `${localized(locale, { name: level.nodeName, nameZh: level.nodeNameZh })} ${level.nodeCode}`,
            })}
          </h2>
          <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-6" data-testid="stock-figures">
            {(
              [
                ["onHand", level.onHand],
                ["reserved", level.reserved],
                ["safetyStock", level.safetyStock],
                ["inbound", level.inbound],
                ["displayMin", level.displayMin],
                ["available", level.available],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt className="text-stone-500">{t(key)}</dt>
                <dd className="text-lg font-bold tabular-nums" data-testid={`figure-${key}`}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          <ClientMessages namespaces={["stock"]}>
            <h3 className="font-semibold">{t("adjustTitle")}</h3>
            <AdjustStockForm level={level} />
            <h3 className="font-semibold">{t("settingsTitle")}</h3>
            <StockSettingsForm level={level} />
          </ClientMessages>
          <h3 className="font-semibold">{t("ledger")}</h3>
          {ledger.length === 0 ? (
            <p className="text-stone-600">{t("ledgerEmpty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="stock-ledger">
                <thead className="text-left text-stone-500">
                  <tr>
                    <th className="py-1">{t("when")}</th>
                    <th>{t("kind")}</th>
                    <th className="text-right">{t("onHandDelta")}</th>
                    <th className="text-right">{t("reservedDelta")}</th>
                    <th className="text-right">{t("inboundDelta")}</th>
                    <th className="pl-4">{t("reason")}</th>
                    <th>{t("document")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ledger.map((m) => (
                    <tr key={m.id} className="border-t border-stone-100" data-testid="ledger-row">
                      <td className="py-1 whitespace-nowrap">{when.format(m.createdAt)}</td>
                      <td>{t(`kinds.${m.kind}`)}</td>
                      <td className="text-right tabular-nums">{signed(m.onHandDelta)}</td>
                      <td className="text-right tabular-nums">{signed(m.reservedDelta)}</td>
                      <td className="text-right tabular-nums">{signed(m.inboundDelta)}</td>
                      <td className="pl-4">{m.reason}</td>
                      <td className="font-mono text-xs">{m.documentId}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      )}

      {result.rows.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="stock-levels">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2">{t("node")}</th>
                <th>{t("sku")}</th>
                <th>{t("item")}</th>
                <th className="text-right">{t("onHand")}</th>
                <th className="text-right">{t("reserved")}</th>
                <th className="text-right">{t("safetyStock")}</th>
                <th className="text-right">{t("inbound")}</th>
                <th className="text-right">{t("displayMin")}</th>
                <th className="text-right">{t("available")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr
                  key={`${r.nodeId}/${r.skuId}`}
                  className="border-t border-stone-100"
                  data-testid={`level-${r.nodeCode}-${r.skuCode}`}
                >
                  <td className="py-2 font-mono text-xs">{r.nodeCode}</td>
                  <td className="font-mono text-xs">{r.skuCode}</td>
                  <td>{item(r)}</td>
                  <td className="text-right tabular-nums">{r.onHand}</td>
                  <td className="text-right tabular-nums">{r.reserved}</td>
                  <td className="text-right tabular-nums">{r.safetyStock}</td>
                  <td className="text-right tabular-nums">{r.inbound}</td>
                  <td className="text-right tabular-nums">{r.displayMin}</td>
                  <td className="text-right font-bold tabular-nums">{r.available}</td>
                  <td className="pl-3">
                    <QueryLink href={link({ at: r.nodeId, sku: r.skuId })} className="underline">
                      {t("open")}
                    </QueryLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex items-center gap-4 text-sm" aria-label={t("page", { page, pages })}>
        {page > 1 ? (
          <QueryLink href={link({ page: String(page - 1) })}>{t("previous")}</QueryLink>
        ) : null}
        <span>{t("page", { page, pages })}</span>
        {page < pages ? (
          <QueryLink href={link({ page: String(page + 1) })}>{t("next")}</QueryLink>
        ) : null}
      </nav>
    </div>
  );
}
