import { ClientMessages } from "@/components/layout/client-messages";

/** Sign-in: its form speaks the auth messages. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["auth"]}>{children}</ClientMessages>;
}
