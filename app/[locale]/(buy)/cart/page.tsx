import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CartLineControls } from "@/components/cart/cart-line-controls";
import { Money } from "@/components/ui/money";
import { PageTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { hasRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session.server";
import { CART_ROLES } from "@/lib/cart/cart-rules";
import { peekCurrentCart } from "@/lib/cart/get-cart.server";
import { shopChannelOf } from "@/lib/cart/shop-channel.server";
import { shopPaths } from "@/lib/cart/shop-paths";
import { getDb } from "@/lib/db/client.server";
import { requireActiveEmployee } from "@/lib/employee/employee-access.server";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cart");
  return { title: t("title") };
}

/**
 * The buyer's cart: a visitor's or consumer's web cart, or an employee's employee-store cart at
 * employee prices. Lines, quantities, subtotal, checkout.
 */
export default async function CartPage() {
  // Anonymous visitors may shop; staff and admin accounts have their own areas.
  const user = await getSessionUser();
  if (user && !hasRole(user, CART_ROLES)) forbidden();
  if (user) await requireActiveEmployee(await getDb(), user);
  const [t, locale, format, cart] = await Promise.all([
    getTranslations("cart"),
    getLocale(),
    getFormatter(),
    peekCurrentCart(await getDb()),
  ]);
  const paths = shopPaths(shopChannelOf(user).code);
  const blocked = cart.lines.some((l) => !l.sellable || l.quantity > l.available);

  if (cart.lines.length === 0) {
    return (
      <div>
        <PageTitle title={t("title")} />
        <p className="text-stone-600">{t("empty")}</p>
        <Link href={paths.browse} className="mt-4 inline-block font-semibold underline">
          {t("continueShopping")}
        </Link>
      </div>
    );
  }

  return (
    <div>
      <PageTitle title={t("title")} subtitle={t("itemCount", { count: cart.itemCount })} />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <ul
          className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white"
          aria-label={t("title")}
        >
          {cart.lines.map((line) => {
            const name = localized(locale, { name: line.productName, nameZh: line.productNameZh });
            const colour = localized(locale, { name: line.color, nameZh: line.colorZh });
            return (
              <li key={line.skuId} className="flex gap-4 p-4" data-testid="cart-line">
                <Link
                  href={paths.product(line.styleCode)}
                  className="relative h-24 w-24 shrink-0 overflow-hidden rounded-lg bg-stone-100"
                >
                  <span
                    className="absolute inset-0 opacity-20"
                    style={{ backgroundColor: line.colorHex }}
                    aria-hidden
                  />
                  <Image
                    src={line.imagePath}
                    alt={`${name} — ${colour}`}
                    width={96}
                    height={96}
                    className="relative h-full w-full object-contain p-2"
                  />
                </Link>
                <div className="min-w-0 flex-1 space-y-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={paths.product(line.styleCode)} className="font-semibold">
                      {name}
                    </Link>
                    <Money fen={line.lineTotal} className="font-semibold tabular-nums" />
                  </div>
                  <p className="text-sm text-stone-600">
                    {t("color")}: {colour} · {t("size")}: {line.size} ·{" "}
                    <Money fen={line.unitPrice} />
                  </p>
                  {line.presaleShipDate && (
                    <p
                      className="text-sm font-medium text-amber-800"
                      data-testid="presale-ship-date"
                    >
                      {t("presaleShipDate", {
                        date: format.dateTime(new Date(line.presaleShipDate), {
                          dateStyle: "medium",
                        }),
                      })}
                    </p>
                  )}
                  <CartLineControls
                    skuId={line.skuId}
                    quantity={line.quantity}
                    name={`${name} ${colour} ${line.size}`}
                  />
                  {/* Read with the line as the page loads: nothing to announce. */}
                  {!line.sellable ? (
                    <Notice tone="error" variant="text" role={null}>
                      {t("lineUnavailable")}
                    </Notice>
                  ) : line.quantity > line.available ? (
                    <Notice tone="warning" variant="text" role={null}>
                      {t("lineAbove", { count: line.available })}
                    </Notice>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
        <aside className="h-fit space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          <div className="flex items-baseline justify-between">
            <span>{t("subtotal")}</span>
            <Money fen={cart.subtotal} className="text-xl font-bold tabular-nums" />
          </div>
          <p className="text-xs text-stone-500">{t("notReserved")}</p>
          {blocked ? (
            <span
              className="block w-full rounded-full bg-stone-300 px-6 py-3 text-center font-semibold text-white"
              aria-disabled
            >
              {t("checkout")}
            </span>
          ) : (
            <Link
              href="/checkout"
              className="block w-full rounded-full bg-ink px-6 py-3 text-center font-semibold text-white"
            >
              {t("checkout")}
            </Link>
          )}
          {!user ? <p className="text-xs text-stone-500">{t("signInToMerge")}</p> : null}
        </aside>
      </div>
    </div>
  );
}
