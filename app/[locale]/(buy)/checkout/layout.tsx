import { ClientMessages } from "@/components/layout/client-messages";

/** Checkout and its payment step: their forms speak the checkout, order and payment messages. */
export default function CheckoutLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["cart", "catalogue", "checkout", "orders", "payments"]}>
      {children}
    </ClientMessages>
  );
}
