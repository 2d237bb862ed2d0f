"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useState } from "react";
import { stockState } from "@/lib/catalogue/stock-state";

const LiveStockContext = createContext<ReadonlyMap<string, number> | null>(null);

/**
 * Watches the web stock of a product page's sizes while it is open (server-sent events from
 * /api/catalogue/stock/stream), so a size that sells out shows as sold out within a second,
 * also on a page served from the cache.
 */
export function LiveStockProvider({
  skuCodes,
  children,
}: {
  skuCodes: readonly string[];
  children: React.ReactNode;
}) {
  const [live, setLive] = useState<ReadonlyMap<string, number>>(new Map());
  const watched = skuCodes.join(",");
  useEffect(() => {
    if (!watched) return;
    const source = new EventSource(
      `/api/catalogue/stock/stream?skus=${encodeURIComponent(watched)}`,
    );
    source.addEventListener("ats", (message) => {
      const { skuCode, ats } = JSON.parse((message as MessageEvent<string>).data) as {
        skuCode: string;
        ats: number;
      };
      setLive((previous) => new Map(previous).set(skuCode, ats));
    });
    return () => source.close();
  }, [watched]);
  return <LiveStockContext value={live}>{children}</LiveStockContext>;
}

/**
 * What a size may sell now: the page's own figure, lowered by a newer published one. Never
 * raised: the page also counts a store's shelf minimum, which the channel's figure does not.
 */
export function useLiveAts(skuCode: string, pageAts: number): number {
  const live = useContext(LiveStockContext)?.get(skuCode);
  return live === undefined ? pageAts : Math.min(pageAts, Math.max(0, live));
}

/** A size's stock in words ("Only 2 left", "Out of stock"), kept live. */
export function useLiveStockText(skuCode: string, pageAts: number) {
  const t = useTranslations("catalogue");
  const ats = useLiveAts(skuCode, pageAts);
  const state = stockState(ats);
  return { ats, state, text: t(`stock.${state}`, { count: ats }) };
}
