import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrderTable } from "@/components/account/order-table";
import { PageTitle } from "@/components/ui/card";
import { listOrdersOf } from "@/lib/account/order-history.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("orders.title") };
}

export default async function OrderHistoryPage() {
  const user = await requirePageRole(["CONSUMER"], "/account/orders");
  const [t, orders] = await Promise.all([
    getTranslations("account"),
    listOrdersOf(await getDb(), { userId: user.id }),
  ]);
  return (
    <div>
      <PageTitle title={t("orders.title")} />
      <OrderTable orders={orders} />
    </div>
  );
}
