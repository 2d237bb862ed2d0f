import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/ui/section-nav";

/** The console's sections; wraps onto two lines on a phone. */
export async function StoreNav() {
  const [t, settlement, returns, transfers] = await Promise.all([
    getTranslations("store.nav"),
    getTranslations("settlement.nav"),
    getTranslations("returns.nav"),
    getTranslations("transfers.nav"),
  ]);
  return (
    <SectionNav
      label={t("label")}
      outlined
      className="mb-4"
      links={[
        { href: "/store", label: t("queue") },
        { href: "/store/pickup", label: t("pickup") },
        { href: "/store/endless-aisle", label: t("aisle") },
        { href: "/store/returns", label: returns("store") },
        { href: "/store/transfers", label: transfers("store") },
        { href: "/store/settlement", label: settlement("store") },
      ]}
    />
  );
}
