import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentCart } from "@/lib/cart/get-cart.server";

/** The cart link with how many items are in it; the add-to-cart button refreshes it. */
export async function CartLink({ className = "" }: { className?: string }) {
  const [t, cart] = await Promise.all([getTranslations("cart"), getCurrentCart()]);
  return (
    <Link href="/cart" className={className} aria-label={t("cartLinkCount", { count: cart.itemCount })} data-testid="cart-link">
      {t("cartLink")}
      {cart.itemCount > 0 ? (
        <span className="ml-1.5 rounded-full bg-brand px-1.5 py-0.5 text-xs font-bold text-white tabular-nums" data-testid="cart-count">
          {cart.itemCount}
        </span>
      ) : null}
    </Link>
  );
}
