import { ClientMessages } from "@/components/layout/client-messages";
import { EmployeeNav } from "@/components/employee/employee-nav";
import { requirePageRole } from "@/lib/auth/session.server";

export default async function EmployeeLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole(["EMPLOYEE"], "/employee");
  return (
    <ClientMessages namespaces={["employee", "cart", "catalogue"]}>
      <EmployeeNav />
      {children}
    </ClientMessages>
  );
}
