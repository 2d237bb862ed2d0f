"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { GENDERS } from "@/lib/products/product-input";

/** A style's own fields as the forms hold them (prices in yuan, as typed). */
export type StyleValues = {
  styleCode: string;
  name: string;
  nameZh: string;
  description: string;
  descriptionZh: string;
  categorySlug: string;
  gender: (typeof GENDERS)[number];
  listPriceYuan: string;
};

export type CategoryOption = { slug: string; label: string };

type ErrorProps = (path: string) => {
  field: { error?: string; errorId?: string };
  control: { "aria-invalid"?: true; "aria-describedby"?: string };
};

/** The style's fields shared by the create and edit forms; the code is fixed once created. */
export function StyleFields({
  values,
  onChange,
  categories,
  error,
  codeFixed,
}: {
  values: StyleValues;
  onChange: (values: StyleValues) => void;
  categories: readonly CategoryOption[];
  error: ErrorProps;
  codeFixed: boolean;
}) {
  const t = useTranslations("products");
  const text = (name: keyof StyleValues) => (e: { target: { value: string } }) =>
    onChange({ ...values, [name]: e.target.value });
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <Field label={t("styleCode")} {...error("styleCode").field}>
        <Input
          name="styleCode"
          value={values.styleCode}
          readOnly={codeFixed}
          className="w-full"
          onChange={text("styleCode")}
          {...error("styleCode").control}
        />
      </Field>
      <Field label={t("name")} {...error("name").field}>
        <Input
          name="name"
          value={values.name}
          className="w-full"
          onChange={text("name")}
          {...error("name").control}
        />
      </Field>
      <Field label={t("nameZh")} {...error("nameZh").field}>
        <Input
          name="nameZh"
          value={values.nameZh}
          className="w-full"
          onChange={text("nameZh")}
          {...error("nameZh").control}
        />
      </Field>
      <Field label={t("listPrice")} {...error("listPriceYuan").field}>
        <Input
          name="listPriceYuan"
          type="number"
          step="0.01"
          min="0.01"
          value={values.listPriceYuan}
          className="w-full"
          onChange={text("listPriceYuan")}
          {...error("listPriceYuan").control}
        />
      </Field>
      <Field label={t("category")} {...error("categorySlug").field}>
        <Select
          name="categorySlug"
          value={values.categorySlug}
          className="w-full"
          onChange={text("categorySlug")}
        >
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("gender")} {...error("gender").field}>
        <Select name="gender" value={values.gender} className="w-full" onChange={text("gender")}>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {t(`genders.${g}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("description")} className="sm:col-span-2" {...error("description").field}>
        <Textarea
          name="description"
          rows={2}
          value={values.description}
          className="w-full"
          onChange={text("description")}
        />
      </Field>
      <Field label={t("descriptionZh")} className="sm:col-span-2" {...error("descriptionZh").field}>
        <Textarea
          name="descriptionZh"
          rows={2}
          value={values.descriptionZh}
          className="w-full"
          onChange={text("descriptionZh")}
        />
      </Field>
    </div>
  );
}
