import { ClientMessages } from "@/components/layout/client-messages";
import { ShopNav } from "@/components/layout/shop-nav";
import { segmentLocale } from "@/i18n/segment-locale";

/** The storefront's catalogue: cached pages, so nothing here reads the request. */
export default async function ShopLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await segmentLocale(params);
  return (
    <ClientMessages namespaces={["cart", "catalogue"]}>
      <ShopNav />
      {children}
    </ClientMessages>
  );
}
