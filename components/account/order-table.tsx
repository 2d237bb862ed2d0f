import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Money } from "@/components/ui/money";
import type { OrderSummary } from "@/lib/account/order-history.server";

/** The shopper's orders as a list that reads well on a phone. */
export async function OrderTable({
  orders,
  returnPath = "/account/orders",
}: {
  orders: OrderSummary[];
  /** Where a buyer asks to return an order's items: `<returnPath>/<orderNo>/return`. */
  returnPath?: string;
}) {
  const [t, format] = await Promise.all([getTranslations("account"), getFormatter()]);
  if (orders.length === 0) return <p className="text-stone-600">{t("orders.empty")}</p>;
  return (
    <ul
      className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white"
      aria-label={t("orders.title")}
    >
      {orders.map((o) => (
        <li
          key={o.orderNo}
          className="flex flex-wrap items-center justify-between gap-3 p-4"
          data-testid="order-row"
        >
          <div className="min-w-0 space-y-0.5">
            <Link
              href={`/orders/${encodeURIComponent(o.orderNo)}`}
              className="font-mono font-semibold underline-offset-2 hover:underline"
              aria-label={t("orders.view", { orderNo: o.orderNo })}
            >
              {o.orderNo}
            </Link>
            <p className="text-sm text-stone-600">
              {format.dateTime(o.placedAt, { dateStyle: "medium" })} · {t(`method.${o.method}`)} ·{" "}
              {t("orders.items", { count: o.itemCount })}
            </p>
          </div>
          <div className="flex items-center gap-4">
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium">
              {t(`status.${o.status}`)}
            </span>
            <Money fen={o.total} className="font-semibold tabular-nums" />
            {o.returnable ? (
              <Link
                href={`${returnPath}/${encodeURIComponent(o.orderNo)}/return`}
                className="text-sm underline"
                aria-label={t("orders.requestReturnFor", { orderNo: o.orderNo })}
              >
                {t("orders.requestReturn")}
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
