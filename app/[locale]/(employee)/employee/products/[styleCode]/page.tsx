import { ProductImage } from "@/components/catalogue/product-image";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { ColourPicker } from "@/components/catalogue/colour-picker";
import { SelectionProblemMessage } from "@/components/catalogue/selection-problem";
import { EmployeePrices } from "@/components/employee/employee-prices";
import { EmployeeSizePicker } from "@/components/employee/employee-size-picker";
import { requirePageRole } from "@/lib/auth/session.server";
import { coloursOf } from "@/lib/catalogue/colours";
import { resolveSelection } from "@/lib/catalogue/product-selection";
import { getDb } from "@/lib/db/client.server";
import { requireActiveEmployee } from "@/lib/employee/employee-access.server";
import {
  discountPercent,
  employeeProductHref,
  maxPickable,
  summarizeStyle,
} from "@/lib/employee/employee-catalogue";
import { getEmployeeProduct } from "@/lib/employee/employee-catalogue.server";
import { localized } from "@/lib/i18n/localized";
import { readRouteParam, readSearchParam, type RawParam } from "@/lib/validation/route-params";

// Units on sale follow the employee channel's allocation and every order: read on each request.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ styleCode: string }>;
  searchParams: Promise<Record<string, RawParam>>;
};

/** A style in the employee store: colours, sizes with the units on sale, employee price, add to cart. */
export default async function EmployeeProductPage({ params, searchParams }: Props) {
  const styleCode = readRouteParam((await params).styleCode, { decode: true });
  const user = await requirePageRole(["EMPLOYEE"], employeeProductHref(styleCode, {}));
  const query = await searchParams;
  const db = await getDb();
  await requireActiveEmployee(db, user);
  const requested = {
    colour: readSearchParam(query.colour, 60),
    size: readSearchParam(query.size, 20),
  };
  const [t, locale, product] = await Promise.all([
    getTranslations("employee"),
    getLocale(),
    getEmployeeProduct(db, { userId: user.id, styleCode, now: new Date() }),
  ]);
  // Unknown, or nothing of it allocated to employees: the same answer, so nothing leaks.
  if (!product) notFound();
  const { style, maxPerSku } = product;
  const selection = resolveSelection(style, requested);
  if (!selection) notFound();
  const byId = new Map(style.skus.map((s) => [s.id, s]));
  const sizes = selection.sizes.flatMap((s) => byId.get(s.id) ?? []);
  const sku = selection.sku ? (byId.get(selection.sku.id) ?? null) : null;
  const summary = summarizeStyle(style);
  const colours = coloursOf(style);
  const colourName = localized(locale, {
    name: selection.colour.color,
    nameZh: selection.colour.colorZh,
  });
  const pickable = sku
    ? maxPickable({
        available: sku.available,
        maxPerSku,
        usedOfSku: product.usedBySku.get(sku.id) ?? 0,
        unitsLeft: product.unitsLeft,
      })
    : 0;
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <ProductImage
        imagePath={style.imagePath}
        colorHex={selection.colour.colorHex}
        label={`${localized(locale, style)} — ${colourName}`}
      />
      <div className="space-y-5">
        <div className="space-y-1">
          <p className="text-sm text-stone-600">
            {localized(locale, { name: style.categoryName, nameZh: style.categoryNameZh })}
          </p>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
            {localized(locale, style)}
          </h1>
          <p className="text-sm text-stone-600">{t("styleCode", { code: style.styleCode })}</p>
          {sku ? (
            <EmployeePrices
              listPrice={sku.listPrice}
              employeePrice={sku.employeePrice}
              discountPercent={discountPercent(sku.listPrice, sku.employeePrice)}
              large
            />
          ) : (
            <EmployeePrices
              listPrice={summary.listPrice}
              employeePrice={summary.employeePrice}
              discountPercent={summary.discountPercent}
              from={summary.priceVaries}
              large
            />
          )}
        </div>
        <p className="text-stone-700">
          {locale.startsWith("zh") ? style.descriptionZh : style.description}
        </p>
        {selection.problem ? (
          <SelectionProblemMessage problem={selection.problem} colours={colours} />
        ) : null}
        <ColourPicker
          styleCode={style.styleCode}
          colours={colours}
          selected={selection.colour.color}
          query={{}}
          hrefOf={(colour) => employeeProductHref(style.styleCode, { colour })}
        />
        <EmployeeSizePicker
          styleCode={style.styleCode}
          sizes={sizes}
          selectedSkuId={sku?.id ?? null}
        />
        {sku ? (
          <div className="space-y-2">
            <p className="text-sm font-medium" data-testid="pickable">
              {pickable > 0
                ? t("pickable", { count: pickable, size: sku.size, perSku: maxPerSku })
                : sku.available > 0
                  ? t("sizeQuotaUsed", { size: sku.size, perSku: maxPerSku })
                  : t("sizeSoldOut", { size: sku.size })}
            </p>
            <AddToCartButton skuId={sku.id} disabled={pickable <= 0} maxQuantity={pickable} />
          </div>
        ) : (
          <p className="text-sm text-stone-600">{t("pickSize")}</p>
        )}
      </div>
    </div>
  );
}
