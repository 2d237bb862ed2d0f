import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrderTable } from "@/components/account/order-table";
import { PageTitle } from "@/components/ui/card";
import { listOrdersOf } from "@/lib/account/order-history.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("employee");
  return { title: t("orders.title") };
}

/** The employee's own orders; each opens the same order page as a consumer's. */
export default async function EmployeeOrdersPage() {
  const user = await requirePageRole(["EMPLOYEE"], "/employee/orders");
  const [t, orders] = await Promise.all([
    getTranslations("employee"),
    listOrdersOf(await getDb(), { userId: user.id }),
  ]);
  return (
    <div>
      <PageTitle title={t("orders.title")} />
      <OrderTable orders={orders} returnPath="/employee/orders" />
    </div>
  );
}
