import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { SiteHeader } from "@/components/layout/site-header";
import { segmentLocale } from "@/i18n/segment-locale";
import "../globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await segmentLocale(params);
  const t = await getTranslations("common");
  return { title: { default: "OnePool", template: "%s · OnePool" }, description: t("tagline") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await segmentLocale(params);
  return (
    <html lang={locale}>
      <body>
        <ClientMessages namespaces={[]}>
          <SiteHeader />
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </ClientMessages>
      </body>
    </html>
  );
}
