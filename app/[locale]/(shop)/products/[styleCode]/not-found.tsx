"use client";

// Next renders this boundary with every page of its segment; as a client component it reads
// nothing from the request, so cached pages stay cached.
import Link from "next/link";
import { useTranslations } from "next-intl";

/** An unknown style code, or a style no longer sold online. */
export default function ProductNotFound() {
  const t = useTranslations("catalogue");
  return (
    <div className="mx-auto max-w-md space-y-3 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="text-stone-600">{t("notFoundBody")}</p>
      <Link href="/shop" className="inline-block rounded-full bg-ink px-5 py-2 font-semibold text-white">
        {t("backToShop")}
      </Link>
    </div>
  );
}
