"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** One SKU's fields as the forms hold them (the price in yuan, blank for the style's). */
export type SkuValues = {
  skuCode: string;
  barcode: string;
  color: string;
  colorZh: string;
  colorHex: string;
  size: string;
  sizeOrder: string;
  listPriceYuan: string;
};

export const EMPTY_SKU: SkuValues = {
  skuCode: "",
  barcode: "",
  color: "",
  colorZh: "",
  colorHex: "#1c1917",
  size: "",
  sizeOrder: "0",
  listPriceYuan: "",
};

type ErrorProps = (path: string) => {
  field: { error?: string; errorId?: string };
  control: { "aria-invalid"?: true; "aria-describedby"?: string };
};

const FIELDS = [
  ["skuCode", "text"],
  ["barcode", "text"],
  ["color", "text"],
  ["colorZh", "text"],
  ["colorHex", "text"],
  ["size", "text"],
  ["sizeOrder", "number"],
  ["listPriceYuan", "number"],
] as const;

/**
 * A SKU's fields in one row; `prefix` is its path in the input ("skus.1"), so a refusal lands
 * beside the right line's field. The code is fixed once the SKU exists.
 */
export function SkuFields({
  values,
  onChange,
  error,
  prefix,
  codeFixed,
}: {
  values: SkuValues;
  onChange: (values: SkuValues) => void;
  error: ErrorProps;
  prefix: string;
  codeFixed: boolean;
}) {
  const t = useTranslations("products");
  const label = (name: keyof SkuValues) => (name === "listPriceYuan" ? t("skuPrice") : t(name));
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-8">
      {FIELDS.map(([name, type]) => {
        const path = prefix ? `${prefix}.${name}` : name;
        const e = error(path);
        return (
          <Field key={name} label={label(name)} {...e.field}>
            <Input
              compact
              name={path}
              type={type}
              inputMode={name === "barcode" ? "numeric" : undefined}
              step={name === "listPriceYuan" ? "0.01" : undefined}
              placeholder={name === "listPriceYuan" ? t("skuPriceHint") : undefined}
              readOnly={codeFixed && name === "skuCode"}
              value={values[name]}
              className="w-full"
              onChange={(ev) => onChange({ ...values, [name]: ev.target.value })}
              {...e.control}
            />
          </Field>
        );
      })}
    </div>
  );
}
