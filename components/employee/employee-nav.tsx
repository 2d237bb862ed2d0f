import { getTranslations } from "next-intl/server";
import { CartLink } from "@/components/cart/cart-link";
import { SectionNav } from "@/components/ui/section-nav";

/** The employee store's sections, and the employee's own cart with its count. */
export async function EmployeeNav() {
  const t = await getTranslations("employee.nav");
  return (
    <SectionNav
      label={t("label")}
      className="mb-6 border-b border-stone-200 pb-3"
      links={[
        { href: "/employee", label: t("store") },
        { href: "/employee/orders", label: t("orders") },
      ]}
    >
      <CartLink className="ml-auto rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium" />
    </SectionNav>
  );
}
