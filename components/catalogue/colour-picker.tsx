import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { productHref, type ProductQuery } from "@/lib/catalogue/product-query";
import type { ColourOption } from "@/lib/catalogue/types";
import { localized } from "@/lib/i18n/localized";

/**
 * Colour swatches as links, so choosing works without JavaScript and the choice is in the URL.
 * A chosen colour renders per request, so the swatches are not prefetched.
 */
export async function ColourPicker(props: {
  styleCode: string;
  colours: readonly ColourOption[];
  selected: string;
  query: ProductQuery;
  /** Where a colour links to; the shop's product page unless another store shows the style. */
  hrefOf?: (colour: string) => string;
}) {
  const [t, locale] = await Promise.all([getTranslations("catalogue"), getLocale()]);
  const name = (c: ColourOption) => localized(locale, { name: c.color, nameZh: c.colorZh });
  const selected = props.colours.find((c) => c.color === props.selected);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">
        {t("chooseColour", { colour: selected ? name(selected) : "" })}
      </legend>
      <ul className="flex flex-wrap gap-2">
        {props.colours.map((c) => {
          const current = c.color === props.selected;
          return (
            <li key={c.color}>
              <Link
                href={
                  props.hrefOf
                    ? props.hrefOf(c.color)
                    : productHref(props.styleCode, { ...props.query, colour: c.color })
                }
                aria-label={name(c)}
                aria-current={current ? "true" : undefined}
                scroll={false}
                prefetch={false}
                className={`block h-9 w-9 rounded-full border-2 ${current ? "border-ink ring-2 ring-ink ring-offset-2" : "border-stone-300"}`}
                style={{ backgroundColor: c.colorHex }}
              />
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
