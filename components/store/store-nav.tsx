import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The console's sections; wraps onto two lines on a phone. */
export async function StoreNav() {
  const t = await getTranslations("store.nav");
  const links = [
    { href: "/store", label: t("queue") },
    { href: "/store/pickup", label: t("pickup") },
    { href: "/store/endless-aisle", label: t("aisle") },
  ];
  return (
    <nav aria-label={t("label")} className="mb-4 flex flex-wrap gap-2">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className="rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-stone-500"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
