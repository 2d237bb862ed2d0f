import { ClientMessages } from "@/components/layout/client-messages";
import { AdminNav } from "@/components/admin/admin-nav";
import { requirePageRole } from "@/lib/auth/session.server";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["ADMIN"], "/admin");
  return (
    <ClientMessages namespaces={["admin", "routing", "returns"]}>
      <AdminNav />
      {children}
    </ClientMessages>
  );
}
