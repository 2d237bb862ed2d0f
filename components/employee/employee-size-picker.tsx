import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { employeeProductHref, type EmployeeSku } from "@/lib/employee/employee-catalogue";

/**
 * The colour's sizes as links, each with the units the employee channel can sell now. Sold-out
 * sizes stay visible so that an employee sees the whole run. Each choice renders fresh stock,
 * so the links are not prefetched.
 */
export async function EmployeeSizePicker({
  styleCode,
  sizes,
  selectedSkuId,
}: {
  styleCode: string;
  sizes: readonly EmployeeSku[];
  selectedSkuId: string | null;
}) {
  const t = await getTranslations("employee");
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("chooseSize")}</legend>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {sizes.map((sku) => {
          const current = sku.id === selectedSkuId;
          const text = sku.available > 0 ? t("available", { count: sku.available }) : t("soldOut");
          return (
            <li key={sku.id}>
              <Link
                href={employeeProductHref(styleCode, { colour: sku.color, size: sku.size })}
                aria-label={t("sizeAvailable", { size: sku.size, state: text })}
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
                  className={`text-xs ${current ? "text-stone-200" : sku.available > 0 ? "text-emerald-700" : "text-stone-500"}`}
                  data-testid="size-available"
                  data-available={sku.available}
                >
                  {text}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
