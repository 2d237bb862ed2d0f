import { ClientMessages } from "@/components/layout/client-messages";
import { EmployeeNav } from "@/components/employee/employee-nav";
import { ShopNav } from "@/components/layout/shop-nav";
import { segmentLocale } from "@/i18n/segment-locale";
import { hasRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session.server";

/**
 * Cart, checkout and order pages serve two stores: an employee buys in the employee store and
 * must stay in it (its sections, its cart), a visitor or consumer in the storefront. These pages
 * render per request anyway, so the bar may read the session.
 */
export default async function BuyLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await segmentLocale(params);
  const user = await getSessionUser();
  const employee = user !== null && hasRole(user, ["EMPLOYEE"]);
  return (
    <ClientMessages
      namespaces={employee ? ["employee", "cart", "catalogue"] : ["cart", "catalogue"]}
    >
      {employee ? <EmployeeNav /> : <ShopNav />}
      {children}
    </ClientMessages>
  );
}
