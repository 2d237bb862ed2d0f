import Link from "next/link";
import { getTranslations } from "next-intl/server";

const SECTIONS = [
  ["overview", "/account"],
  ["orders", "/account/orders"],
  ["points", "/account/points"],
  ["coupons", "/account/coupons"],
  ["returns", "/account/returns"],
] as const;

/** Tabs of the account area; scrolls sideways on a phone. */
export async function AccountNav() {
  const t = await getTranslations("account");
  return (
    <nav
      aria-label={t("nav.label")}
      className="mb-6 flex gap-2 overflow-x-auto border-b border-stone-200 pb-2"
    >
      {SECTIONS.map(([key, href]) => (
        <Link
          key={key}
          href={href}
          className="whitespace-nowrap rounded-full px-3 py-1 text-sm font-medium hover:bg-stone-100"
        >
          {t(`nav.${key}`)}
        </Link>
      ))}
    </nav>
  );
}
