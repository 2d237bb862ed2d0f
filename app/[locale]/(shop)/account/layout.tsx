import { ClientMessages } from "@/components/layout/client-messages";
import { AccountNav } from "@/components/account/account-nav";
import { requirePageRole } from "@/lib/auth/session.server";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["CONSUMER"], "/account");
  return (
    <ClientMessages namespaces={["cart", "catalogue", "account", "orders"]}>
      <AccountNav />
      {children}
    </ClientMessages>
  );
}
