"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { CART_CHANGED_EVENT } from "@/lib/cart/cart-changed";

async function fetchItemCount(signal?: AbortSignal): Promise<number | null> {
  try {
    const response = await fetch("/api/cart/count", { cache: "no-store", signal });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    const count = (body as { itemCount?: unknown }).itemCount;
    return typeof count === "number" ? count : null;
  } catch {
    return null;
  }
}

/**
 * The cart link with how many items are in it. The count is read in the browser (on load, on
 * navigation and whenever the cart changes) so that the storefront around it can be cached for everyone.
 * The cart page is rendered per shopper, so it is not prefetched from every page that shows this link.
 */
export function CartLink({ className = "" }: { className?: string }) {
  const t = useTranslations("cart");
  const [itemCount, setItemCount] = useState(0);
  // Checkout and sign-in change the cart on the server and then navigate: read it again then too.
  const pathname = usePathname();
  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      void fetchItemCount(controller.signal).then((count) => {
        if (count !== null) setItemCount(count);
      });
    refresh();
    window.addEventListener(CART_CHANGED_EVENT, refresh);
    return () => {
      controller.abort();
      window.removeEventListener(CART_CHANGED_EVENT, refresh);
    };
  }, [pathname]);
  return (
    <Link
      href="/cart"
      prefetch={false}
      className={className}
      aria-label={t("cartLinkCount", { count: itemCount })}
      data-testid="cart-link"
    >
      {t("cartLink")}
      {itemCount > 0 ? (
        <span
          className="ml-1.5 rounded-full bg-brand px-1.5 py-0.5 text-xs font-bold text-white tabular-nums"
          data-testid="cart-count"
        >
          {itemCount}
        </span>
      ) : null}
    </Link>
  );
}
