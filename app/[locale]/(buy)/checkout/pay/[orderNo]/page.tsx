import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { loadShopperOrder } from "@/lib/payments/load-shopper-order.server";
import { DemoPayButtons } from "@/components/checkout/demo-pay-buttons";
import { HoldCountdown } from "@/components/orders/hold-countdown";
import { PageTitle } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { BUYER_ROLES } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { demoPaymentsEnabled } from "@/lib/payments/pay-demo-order.server";
import { readRouteParam } from "@/lib/validation/route-params";

/** The demo payment provider's page: used when Stripe is not configured; no money moves. */
export default async function DemoPayPage({ params }: { params: Promise<{ orderNo: string }> }) {
  const orderNo = readRouteParam((await params).orderNo);
  const user = await requirePageRole(BUYER_ROLES, `/checkout/pay/${orderNo}`);
  if (!demoPaymentsEnabled()) notFound();
  const order = await loadShopperOrder(await getDb(), { orderNo, userId: user.id });
  if (!order) notFound();
  const t = await getTranslations("payments");
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <p
        className="rounded-lg border-2 border-dashed border-amber-500 bg-amber-50 p-3 text-center font-bold text-amber-900"
        data-testid="demo-banner"
      >
        {t("demoBanner")}
      </p>
      <PageTitle title={t("demoTitle")} subtitle={t("demoBody")} />
      <p className="text-lg">
        {t("orderNo", { orderNo: order.orderNo })} ·{" "}
        <Money fen={order.total} className="font-bold" />
      </p>
      {order.status === "PENDING_PAYMENT" ? (
        <>
          {/* Stays on screen at zero: pressing Pay then is refused, which is what the shopper should see. */}
          {(order.holdExpiresAt || order.holdLapsed) && (
            <HoldCountdown expiresAt={(order.holdExpiresAt ?? order.placedAt).toISOString()} />
          )}
          <DemoPayButtons orderNo={order.orderNo} />
        </>
      ) : (
        <p>{t("notWaiting")}</p>
      )}
      <Link href={`/orders/${encodeURIComponent(order.orderNo)}`} className="text-sm underline">
        {t("backToOrder")}
      </Link>
    </div>
  );
}
