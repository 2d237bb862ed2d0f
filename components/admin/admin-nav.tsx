import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The HQ console's sections. */
export async function AdminNav() {
  const t = await getTranslations("admin.nav");
  const links = [
    { href: "/admin", label: t("overview") },
    { href: "/admin/orders", label: t("orders") },
    { href: "/admin/routing", label: t("routing") },
    { href: "/admin/inbound", label: t("inbound") },
    { href: "/admin/employees", label: t("employees") },
  ];
  return (
    <nav
      aria-label="HQ console"
      className="mb-6 flex flex-wrap gap-2 border-b border-stone-200 pb-3"
    >
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className="rounded-full px-3 py-1 text-sm font-medium hover:bg-stone-100"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
