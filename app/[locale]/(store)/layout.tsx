import { ClientMessages } from "@/components/layout/client-messages";
import { StoreNav } from "@/components/store/store-nav";
import { requirePageRole } from "@/lib/auth/session.server";

export default async function StoreLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["STORE_STAFF"], "/store");
  return (
    <ClientMessages
      namespaces={["store", "fulfilment", "cart", "catalogue", "returns", "exchange"]}
    >
      <StoreNav />
      {children}
    </ClientMessages>
  );
}
