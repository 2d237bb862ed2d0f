import { getTranslations } from "next-intl/server";
import { productHref, type ProductQuery } from "@/lib/catalogue/product-query";
import type { StockState } from "@/lib/catalogue/stock-state";
import type { CatalogueSku } from "@/lib/catalogue/types";
import { LiveSizeOption } from "./live-size-option";

type SizeStock = { ats: number; state: StockState };

/** The colour's sizes as links, each with its web stock, kept live while the page is open. */
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
        {props.sizes.map((sku) => (
          <li key={sku.id}>
            <LiveSizeOption
              href={productHref(props.styleCode, {
                ...props.query,
                colour: sku.color,
                size: sku.size,
              })}
              size={sku.size}
              skuCode={sku.skuCode}
              ats={props.stock.get(sku.id)?.ats ?? 0}
              current={sku.id === props.selectedSkuId}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
