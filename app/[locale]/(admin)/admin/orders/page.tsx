import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { QueryLink } from "@/components/ui/query-link";
import { PageTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Money } from "@/components/ui/money";
import { Select } from "@/components/ui/select";
import {
  listOrderChannels,
  listOrders,
  ORDER_STATUSES,
  orderListQuery,
} from "@/lib/admin/list-orders.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminOrders({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/orders");
  const query = orderListQuery.parse(await searchParams);
  const db = await getDb();
  const [t, ts, tm, locale, result, channels] = await Promise.all([
    getTranslations("admin.orderList"),
    getTranslations("admin.orderStatus"),
    getTranslations("admin.methods"),
    getLocale(),
    listOrders(db, query),
    listOrderChannels(db),
  ]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const pageLink = (page: number) =>
    `/admin/orders?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}), ...(result.channel ? { channel: result.channel } : {}), page: String(page) })}`;
  return (
    <div className="space-y-4">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <form className="flex flex-wrap gap-2" role="search">
        <Input
          name="q"
          defaultValue={query.q}
          aria-label={t("search")}
          placeholder={t("search")}
          className="min-w-0 flex-1"
        />
        <Select name="status" defaultValue={query.status ?? ""} aria-label={t("status")}>
          <option value="">{t("any")}</option>
          {ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
        <Select name="channel" defaultValue={result.channel ?? ""} aria-label={t("channel")}>
          <option value="">{t("anyChannel")}</option>
          {channels.map((c) => (
            <option key={c.code} value={c.code}>
              {localized(locale, c)}
            </option>
          ))}
        </Select>
        <Button type="submit">{t("find")}</Button>
      </form>
      {result.orders.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="admin-orders">
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2">{t("orderNo")}</th>
                <th>{t("placed")}</th>
                <th>{t("channel")}</th>
                <th>{t("method")}</th>
                <th>{t("status")}</th>
                <th>{t("nodes")}</th>
                <th>{t("customer")}</th>
                <th className="text-right">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {result.orders.map((o) => (
                <tr key={o.orderNo} className="border-t border-stone-100">
                  <td className="py-2 font-mono">
                    <Link href={`/admin/orders/${o.orderNo}`} className="underline">
                      {o.orderNo}
                    </Link>
                  </td>
                  <td>{when.format(o.placedAt)}</td>
                  <td>
                    {localized(locale, o.channel)}
                    {o.channelOrderId ? (
                      <span className="block font-mono text-xs text-stone-500">
                        {t("channelOrderId", { id: o.channelOrderId })}
                      </span>
                    ) : null}
                  </td>
                  <td>{tm(o.method)}</td>
                  <td>{ts(o.status)}</td>
                  <td className="font-mono text-xs">{o.nodes.join(", ")}</td>
                  <td>{o.contactName}</td>
                  <td className="text-right tabular-nums">
                    <Money fen={o.total} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav
        className="flex items-center gap-4 text-sm"
        aria-label={t("page", { page: query.page, pages: result.pages })}
      >
        {query.page > 1 ? (
          <QueryLink href={pageLink(query.page - 1)}>{t("previous")}</QueryLink>
        ) : null}
        <span>{t("page", { page: query.page, pages: result.pages })}</span>
        {query.page < result.pages ? (
          <QueryLink href={pageLink(query.page + 1)}>{t("next")}</QueryLink>
        ) : null}
      </nav>
    </div>
  );
}
