import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CartLink } from "@/components/cart/cart-link";

/** The employee store's sections, and the employee's own cart with its count. */
export async function EmployeeNav() {
  const t = await getTranslations("employee.nav");
  const links = [
    { href: "/employee", label: t("store") },
    { href: "/employee/orders", label: t("orders") },
  ];
  return (
    <nav
      aria-label={t("label")}
      className="mb-6 flex flex-wrap items-center gap-2 border-b border-stone-200 pb-3"
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
      <CartLink className="ml-auto rounded-full border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium" />
    </nav>
  );
}
