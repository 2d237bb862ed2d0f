import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/ui/section-nav";

/** The HQ console's sections. */
export async function AdminNav() {
  const [t, settlement, returns, transfers, inventory] = await Promise.all([
    getTranslations("admin.nav"),
    getTranslations("settlement.nav"),
    getTranslations("returns.nav"),
    getTranslations("transfers.nav"),
    getTranslations("inventory.nav"),
  ]);
  return (
    <SectionNav
      label="HQ console"
      className="mb-6 border-b border-stone-200 pb-3"
      links={[
        { href: "/admin", label: t("overview") },
        { href: "/admin/orders", label: t("orders") },
        { href: "/admin/allocation", label: t("allocation") },
        { href: "/admin/products", label: t("products") },
        { href: "/admin/nodes", label: t("nodes") },
        { href: "/admin/stock", label: t("stock") },
        { href: "/admin/routing", label: t("routing") },
        { href: "/admin/inbound", label: t("inbound") },
        { href: "/admin/inventory", label: inventory("dashboard") },
        { href: "/admin/transfers", label: transfers("admin") },
        { href: "/admin/returns", label: returns("admin") },
        { href: "/admin/employees", label: t("employees") },
        { href: "/admin/settlement", label: settlement("admin") },
        { href: "/admin/audit", label: t("audit") },
      ]}
    />
  );
}
