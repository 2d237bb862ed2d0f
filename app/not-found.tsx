import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="mx-auto max-w-md py-16 text-center">
      <p className="text-5xl font-black text-brand">404</p>
      <h1 className="mt-2 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <Link href="/" className="mt-6 inline-block underline">
        {t("backHome")}
      </Link>
    </section>
  );
}
