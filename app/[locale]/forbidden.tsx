"use client";

// Next renders this boundary with every page of its segment; as a client component it reads
// nothing from the request, so cached pages stay cached.
import Link from "next/link";
import { useTranslations } from "next-intl";

export default function Forbidden() {
  const t = useTranslations("errors");
  return (
    <section className="mx-auto max-w-md py-16 text-center" data-testid="forbidden">
      <p className="text-5xl font-black text-brand">403</p>
      <h1 className="mt-2 text-2xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("forbiddenBody")}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {t("backHome")}
      </Link>
    </section>
  );
}
