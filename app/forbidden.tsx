import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
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
