import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { productHref, type ProductQuery } from "@/lib/catalogue/product-query";
import type { StockState } from "@/lib/catalogue/stock-state";
import type { CatalogueSku } from "@/lib/catalogue/types";

type SizeStock = { ats: number; state: StockState };

const STATE_CLASS: Record<StockState, string> = {
  IN_STOCK: "text-emerald-700",
  LOW: "text-amber-700",
  OUT: "text-stone-500",
};

/**
 * The colour's sizes as links, each with its web stock state. Sold-out sizes stay selectable:
 * a store nearby may still have them for pickup. A chosen size renders per request (fresh
 * stock), so the links are not prefetched: that would render every size on the server for one view.
 */
export async function SizePicker(props: {
  styleCode: string;
  sizes: readonly CatalogueSku[];
  selectedSkuId: string | null;
  stock: ReadonlyMap<string, SizeStock>;
  query: ProductQuery;
}) {
  const t = await getTranslations("catalogue");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("chooseSize")}</legend>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {props.sizes.map((sku) => {
          const stock = props.stock.get(sku.id) ?? { ats: 0, state: "OUT" as const };
          const stateText = t(`stock.${stock.state}`, { count: stock.ats });
          const current = sku.id === props.selectedSkuId;
          return (
            <li key={sku.id}>
              <Link
                href={productHref(props.styleCode, {
                  ...props.query,
                  colour: sku.color,
                  size: sku.size,
                })}
                aria-label={t("sizeStock", { size: sku.size, state: stateText })}
                aria-current={current ? "true" : undefined}
                scroll={false}
                prefetch={false}
                data-testid="size-option"
                className={`flex flex-col items-center rounded-lg border px-2 py-2 text-center ${
                  current ? "border-ink bg-ink text-white" : "border-stone-300 bg-white"
                }`}
              >
                <span className="font-semibold">{sku.size}</span>
                <span
                  className={`text-xs ${current ? "text-stone-200" : STATE_CLASS[stock.state]}`}
                >
                  {stateText}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
