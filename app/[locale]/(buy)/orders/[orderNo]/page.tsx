import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ReturnTimeline } from "@/components/account/return-timeline";
import { HoldCountdown } from "@/components/orders/hold-countdown";
import { PayNowButton } from "@/components/orders/pay-now-button";
import { PickupCodeCard } from "@/components/orders/pickup-code-card";
import { StatusTimeline, type TimelineEntry } from "@/components/orders/status-timeline";
import { Card, PageTitle } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { BUYER_ROLES } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session.server";
import { listReturnsOf } from "@/lib/account/order-history.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import { loadShopperOrder, type ShopperOrder } from "@/lib/payments/load-shopper-order.server";
import { readRouteParam } from "@/lib/validation/route-params";

type Search = { paid?: string; payment?: string };
type T = Awaited<ReturnType<typeof getTranslations<"orders">>>;

function timeline(order: ShopperOrder, t: T, locale: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: order.placedAt, label: t("event.placed") }];
  for (const p of order.payments) {
    if (p.kind === "CHARGE" && p.status === "FAILED")
      entries.push({ at: p.createdAt, label: t("event.declined") });
    if (p.kind === "REFUND" && p.status !== "FAILED")
      entries.push({ at: p.createdAt, label: t("event.refunded") });
  }
  if (order.paidAt) entries.push({ at: order.paidAt, label: t("event.paid") });
  for (const fo of order.fulfilmentOrders) {
    for (const e of fo.events) {
      entries.push({
        at: e.createdAt,
        label: t(`fulfilment.${e.toStatus}`),
        detail: localized(locale, fo.node),
      });
    }
  }
  if (order.cancelledAt) entries.push({ at: order.cancelledAt, label: t("event.cancelled") });
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderNo: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ orderNo: raw }, search] = await Promise.all([params, searchParams]);
  const orderNo = readRouteParam(raw);
  const user = await requirePageRole(BUYER_ROLES, `/orders/${orderNo}`);
  const order = await loadShopperOrder(await getDb(), { orderNo, userId: user.id });
  if (!order) notFound();
  const [t, locale, format, returns, returnWords] = await Promise.all([
    getTranslations("orders"),
    getLocale(),
    getFormatter(),
    listReturnsOf(await getDb(), { userId: user.id, orderNo: order.orderNo }),
    getTranslations("returns"),
  ]);
  const formatTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const pickupFo = order.fulfilmentOrders.find((fo) => fo.pickupCode && fo.status !== "CANCELLED");
  const paid = order.paymentStatus !== "PENDING" && order.paymentStatus !== "FAILED";
  const holdReleased = (order.status === "CANCELLED" && !order.paidAt) || order.holdLapsed;
  const refunded =
    order.paymentStatus === "REFUNDED" || order.paymentStatus === "PARTIALLY_REFUNDED";

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_340px]">
      <div className="space-y-6">
        <PageTitle
          title={t("title", { orderNo: order.orderNo })}
          subtitle={t(`method.${order.method}`)}
        />
        <p
          className="inline-block rounded-full bg-stone-800 px-3 py-1 text-sm font-semibold text-white"
          data-testid="order-status"
        >
          {t(`status.${order.status}`)}
        </p>

        {search.payment === "failed" && order.status === "PENDING_PAYMENT" && (
          <Notice tone="error">{t("paymentDeclined")}</Notice>
        )}
        {search.payment === "unavailable" && order.status === "PENDING_PAYMENT" && (
          <Notice tone="warning" role="alert">
            {t("paymentUnavailable")}
          </Notice>
        )}

        {order.status === "PENDING_PAYMENT" && order.holdExpiresAt && (
          <Card className="space-y-3">
            <p>{t(order.method === "PICKUP" ? "pickupHeld" : "itemsHeld")}</p>
            <HoldCountdown expiresAt={order.holdExpiresAt.toISOString()} orderNo={order.orderNo} />
            <PayNowButton orderNo={order.orderNo} />
          </Card>
        )}
        {order.holdLapsed && (
          // Lapsed but not yet cancelled: the countdown at zero asks the server to cancel it.
          <HoldCountdown expiresAt={order.placedAt.toISOString()} orderNo={order.orderNo} />
        )}
        {holdReleased && (
          <Notice tone="warning" role="alert" data-testid="hold-released">
            {t("holdReleased")}
          </Notice>
        )}
        {refunded && (
          <Notice tone="info" data-testid="refunded">
            {order.status === "CANCELLED" ? t("refundedStockGone") : t("refundedNote")}
          </Notice>
        )}

        {paid && order.status !== "CANCELLED" && pickupFo?.pickupCode && order.pickupNode && (
          <PickupCodeCard
            code={pickupFo.pickupCode}
            storeName={localized(locale, order.pickupNode)}
            storeAddress={`${order.pickupNode.address}, ${localized(locale, { name: order.pickupNode.city, nameZh: order.pickupNode.cityZh })}`}
          />
        )}

        {order.method !== "PICKUP" && (
          <section aria-labelledby="shipments" className="space-y-2">
            <h2 id="shipments" className="text-lg font-bold">
              {t("shipments")}
            </h2>
            <ul className="space-y-2">
              {order.fulfilmentOrders
                .filter((fo) => fo.status !== "REJECTED")
                .map((fo) => (
                  <li
                    key={fo.id}
                    className="rounded-lg border border-stone-200 bg-white p-3 text-sm"
                    data-testid="shipment"
                  >
                    <p className="font-medium">
                      {t("shipsFrom", { node: localized(locale, fo.node) })} ·{" "}
                      {t(`fulfilment.${fo.status}`)}
                    </p>
                    {fo.courierName || fo.trackingNo ? (
                      <p>
                        {t("courier")}: {fo.courierName ?? "—"} · {t("tracking")}:{" "}
                        <span className="font-mono">{fo.trackingNo ?? "—"}</span>
                      </p>
                    ) : (
                      <p className="text-stone-500">{t("noCourierYet")}</p>
                    )}
                  </li>
                ))}
            </ul>
          </section>
        )}

        <StatusTimeline
          entries={timeline(order, t, locale)}
          formatTime={formatTime}
          title={t("timeline")}
        />

        {returns.length > 0 && (
          <section aria-labelledby="returns" className="space-y-3" data-testid="order-returns">
            <h2 id="returns" className="text-lg font-bold">
              {returnWords("timeline.title")}
            </h2>
            {returns.map((r) => (
              <div key={r.rmaNo} className="rounded-lg border border-stone-200 bg-white p-3">
                <p className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-mono font-semibold">{r.rmaNo}</span>
                  <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium">
                    {returnWords(`status.${r.status}`)}
                  </span>
                </p>
                <ReturnTimeline ret={r} />
              </div>
            ))}
          </section>
        )}
      </div>

      <aside
        className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 lg:self-start"
        aria-label={t("items")}
      >
        <h2 className="font-bold">{t("items")}</h2>
        <ul className="space-y-2 text-sm">
          {order.lines.map((l) => (
            <li key={l.id} className="flex justify-between gap-2">
              <span>
                {localized(locale, l.sku.product)} ·{" "}
                {localized(locale, { name: l.sku.color, nameZh: l.sku.colorZh })} · {l.sku.size} ×{" "}
                {l.quantity}
              </span>
              <Money fen={l.lineTotal} />
            </li>
          ))}
        </ul>
        <dl className="space-y-1 border-t border-stone-200 pt-2 text-sm">
          <div className="flex justify-between">
            <dt>{t("subtotal")}</dt>
            <dd>
              <Money fen={order.subtotal} />
            </dd>
          </div>
          {order.discountTotal > 0 && (
            <div className="flex justify-between">
              <dt>{t("discount")}</dt>
              <dd>
                −<Money fen={order.discountTotal} />
              </dd>
            </div>
          )}
          {order.pointsRedeemed > 0 && (
            <div className="flex justify-between">
              <dt>{t("pointsUsed")}</dt>
              <dd>{order.pointsRedeemed}</dd>
            </div>
          )}
          <div className="flex justify-between">
            <dt>{t("shipping")}</dt>
            <dd>
              <Money fen={order.shippingFee} />
            </dd>
          </div>
          <div className="flex justify-between font-bold">
            <dt>{t("total")}</dt>
            <dd data-testid="order-total">
              <Money fen={order.total} />
            </dd>
          </div>
        </dl>
        {order.promisedBy && order.status !== "CANCELLED" && (
          <p className="text-sm text-stone-600">
            {t(order.method === "PICKUP" ? "readyBy" : "deliveredBy", {
              when: formatTime(order.promisedBy),
            })}
          </p>
        )}
      </aside>
    </div>
  );
}
