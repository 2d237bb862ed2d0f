import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReturnCounter } from "@/components/store/returns/return-counter";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("returns.counter");
  return { title: t("storeTitle") };
}

/** The store's returns counter: goods bought in any channel are taken back here. */
export default async function StoreReturnsPage() {
  await requirePageRole(["STORE_STAFF"], "/store/returns");
  const t = await getTranslations("returns.counter");
  return (
    <div className="max-w-4xl">
      <PageTitle title={t("storeTitle")} subtitle={t("storeSubtitle")} />
      <ReturnCounter warehouses={null} />
    </div>
  );
}
