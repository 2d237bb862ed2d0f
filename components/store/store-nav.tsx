import { getTranslations } from "next-intl/server";
import { SectionNav } from "@/components/ui/section-nav";

/** The console's sections; wraps onto two lines on a phone. */
export async function StoreNav() {
  const t = await getTranslations("store.nav");
  return (
    <SectionNav
      label={t("label")}
      outlined
      className="mb-4"
      links={[
        { href: "/store", label: t("queue") },
        { href: "/store/pickup", label: t("pickup") },
        { href: "/store/endless-aisle", label: t("aisle") },
      ]}
    />
  );
}
