"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { StockState } from "@/lib/catalogue/stock-state";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { useLiveAts, useLiveStockText } from "./live-stock";

const STATE_CLASS: Record<StockState, string> = {
  IN_STOCK: "text-emerald-700",
  LOW: "text-amber-700",
  OUT: "text-stone-500",
};

/**
 * One size of the size picker, with its web stock kept live. Sold-out sizes stay selectable: a
 * store nearby may still have them for pickup. Not prefetched: a chosen size renders per
 * request (fresh stock), and prefetching would render every size on the server for one view.
 */
export function LiveSizeOption(props: {
  href: string;
  size: string;
  skuCode: string;
  ats: number;
  current: boolean;
}) {
  const t = useTranslations("catalogue");
  const stock = useLiveStockText(props.skuCode, props.ats);
  return (
    <Link
      href={props.href}
      aria-label={t("sizeStock", { size: props.size, state: stock.text })}
      aria-current={props.current ? "true" : undefined}
      scroll={false}
      prefetch={false}
      data-testid="size-option"
      data-sku-code={props.skuCode}
      className={`flex flex-col items-center rounded-lg border px-2 py-2 text-center ${
        props.current ? "border-ink bg-ink text-white" : "border-stone-300 bg-white"
      }`}
    >
      <span className="font-semibold">{props.size}</span>
      <span className={`text-xs ${props.current ? "text-stone-200" : STATE_CLASS[stock.state]}`}>
        {stock.text}
      </span>
    </Link>
  );
}

/** The chosen size's stock line ("42: Only 2 left"), kept live. */
export function LiveChosenStock(props: { size: string; skuCode: string; ats: number }) {
  const t = useTranslations("catalogue");
  const stock = useLiveStockText(props.skuCode, props.ats);
  return (
    <p className="text-sm font-medium" data-testid="stock-state">
      {t("sizeStock", { size: props.size, state: stock.text })}
    </p>
  );
}

/** Add to cart for the chosen size, switched off once the size sells out while the page is open. */
export function LiveAddToCart(props: { skuId: string; skuCode: string; ats: number }) {
  const ats = useLiveAts(props.skuCode, props.ats);
  return <AddToCartButton skuId={props.skuId} disabled={ats <= 0} />;
}
