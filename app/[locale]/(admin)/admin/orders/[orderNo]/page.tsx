import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RoutingDecisionView } from "@/components/admin/routing-decision";
import { Card, PageTitle } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { getOrderDetail } from "@/lib/admin/get-order-detail.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import { formatMoney } from "@/lib/i18n/money";
import { readRouteParam } from "@/lib/validation/route-params";

type Props = { params: Promise<{ orderNo: string }> };

export default async function AdminOrder({ params }: Props) {
  const orderNo = readRouteParam((await params).orderNo);
  await requirePageRole(["ADMIN"], `/admin/orders/${orderNo}`);
  const order = await getOrderDetail(await getDb(), orderNo);
  if (!order) notFound();
  const [t, ts, tf, tm, locale] = await Promise.all([
    getTranslations("admin.order"),
    getTranslations("admin.orderStatus"),
    getTranslations("admin.fulfilmentStatus"),
    getTranslations("admin.methods"),
    getLocale(),
  ]);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  });
  const destination = order.pickupNode
    ? t("pickupAt", { store: localized(locale, order.pickupNode) })
    : t("deliverTo", { address: [order.addressLine, order.city].filter(Boolean).join(", ") });
  return (
    <div className="space-y-6">
      <Link href="/admin/orders" className="text-sm underline">
        {t("back")}
      </Link>
      <PageTitle
        title={order.orderNo}
        subtitle={`${order.channel.code} · ${tm(order.method)} · ${ts(order.status)} · ${when.format(order.placedAt)}`}
      />
      <Card className="space-y-2">
        <p data-testid="order-source">
          {order.channelOrderId
            ? t("sourceChannelOrder", {
                channel: localized(locale, order.channel),
                id: order.channelOrderId,
              })
            : t("source", { channel: localized(locale, order.channel) })}
        </p>
        <p>{destination}</p>
        {order.promisedBy ? (
          <p className="text-sm text-stone-600">
            {t("promisedBy", { time: when.format(order.promisedBy) })}
          </p>
        ) : null}
        <table className="w-full text-sm">
          <caption className="text-left font-semibold">{t("lines")}</caption>
          <thead className="text-left text-stone-500">
            <tr>
              <th>{t("sku")}</th>
              <th />
              <th className="text-right">{t("qty")}</th>
              <th className="text-right">{t("unitPrice")}</th>
              <th className="text-right">{t("amount")}</th>
              <th className="text-right">{t("discount")}</th>
              <th className="text-right">{t("lineTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l, i) => (
              <tr key={l.id} className="border-t border-stone-100" data-testid="order-line">
                <td className="font-mono text-xs">{l.sku.skuCode}</td>
                <td>
                  {localized(locale, l.sku.product)} ·{" "}
                  {locale.startsWith("zh") ? l.sku.colorZh : l.sku.color} · {l.sku.size}
                </td>
                <td className="text-right tabular-nums">{l.quantity}</td>
                <td className="text-right tabular-nums">
                  <Money fen={l.unitPrice} />
                </td>
                <td className="text-right tabular-nums">
                  <Money fen={order.money.lines[i]?.amount ?? 0} />
                </td>
                <td className="text-right tabular-nums">
                  <Money fen={-(order.money.lines[i]?.discount ?? 0)} />
                </td>
                <td className="text-right tabular-nums">
                  <Money fen={order.money.lines[i]?.net ?? 0} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="ml-auto grid max-w-xs grid-cols-2 gap-x-4 text-sm">
          <dt>{t("subtotal")}</dt>
          <dd className="text-right" data-testid="order-subtotal">
            <Money fen={order.money.subtotal} />
          </dd>
          <dt>{t("discount")}</dt>
          <dd className="text-right" data-testid="order-discount">
            <Money fen={-order.money.discount} />
          </dd>
          {order.money.points > 0 ? (
            <>
              <dt>{t("points", { points: order.pointsRedeemed })}</dt>
              <dd className="text-right">
                <Money fen={-order.money.points} />
              </dd>
            </>
          ) : null}
          <dt>{t("shipping")}</dt>
          <dd className="text-right">
            <Money fen={order.money.shipping} />
          </dd>
          <dt className="font-bold">{t("total")}</dt>
          <dd className="text-right font-bold" data-testid="order-total">
            <Money fen={order.total} />
          </dd>
        </dl>
        {order.money.matchesStored ? null : (
          <Notice tone="warning" role={null}>
            {t("moneyMismatch", { total: formatMoney(order.money.total, locale) })}
          </Notice>
        )}
      </Card>

      <section className="space-y-3" aria-labelledby="fulfilment">
        <h2 id="fulfilment" className="text-lg font-bold">
          {t("fulfilment")}
        </h2>
        {order.fulfilmentOrders.map((fo) => (
          <Card key={fo.id} className="space-y-1">
            <p className="font-semibold">
              {t("from", { node: `${fo.node.code} ${localized(locale, fo.node)}` })} ·{" "}
              {tf(fo.status)}
            </p>
            {fo.shipToNode ? (
              <p className="text-sm">{t("shipTo", { store: localized(locale, fo.shipToNode) })}</p>
            ) : null}
            {fo.pickupCode ? (
              <p className="text-sm">{t("pickupCode", { code: fo.pickupCode })}</p>
            ) : null}
            {fo.courierName && fo.trackingNo ? (
              <p className="text-sm">
                {t("tracking", { courier: fo.courierName, trackingNo: fo.trackingNo })}
              </p>
            ) : null}
            {fo.rejectReason ? (
              <p className="text-sm text-red-700">{t("rejected", { reason: fo.rejectReason })}</p>
            ) : null}
            <p className="text-sm text-stone-600">
              {fo.lines.map((l) => `${l.sku.skuCode} × ${l.quantity}`).join(", ")}
            </p>
            <ol className="text-xs text-stone-500" aria-label={t("events")}>
              {fo.events.map((e) => (
                <li key={e.id}>
                  {when.format(e.createdAt)} · {tf(e.toStatus)}
                  {e.actor ? ` · ${t("by", { name: e.actor.name })}` : ""}
                  {e.note ? ` · ${e.note}` : ""}
                </li>
              ))}
            </ol>
          </Card>
        ))}
      </section>

      <section className="space-y-3" aria-labelledby="routing">
        <h2 id="routing" className="text-lg font-bold">
          {t("routing")}
        </h2>
        {order.decisions.length === 0 ? (
          <p className="text-stone-600">
            {/* Presale lines wait for inbound: receiving the goods allocates them, nothing routes. */}
            {t(order.lines.every((l) => l.isPresale) ? "presaleNotRouted" : "noDecisions")}
          </p>
        ) : null}
        {order.decisions.map((d) => (
          <RoutingDecisionView key={d.id} decision={d} />
        ))}
      </section>
    </div>
  );
}
