import { ClientMessages } from "@/components/layout/client-messages";

/** An order's page: hold countdown and pay-now speak the order and payment messages. */
export default function OrdersLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["cart", "catalogue", "orders", "payments"]}>
      {children}
    </ClientMessages>
  );
}
