import { getTranslations } from "next-intl/server";
import { AllocationConsole } from "@/components/admin/allocation/allocation-console";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageTitle } from "@/components/ui/card";
import { listAllocationConsole } from "@/lib/allocation-console/list-allocation-console.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";

export const dynamic = "force-dynamic";

export default async function AdminAllocation() {
  await requirePageRole(["ADMIN"], "/admin/allocation");
  const [t, data] = await Promise.all([
    getTranslations("allocation"),
    listAllocationConsole(await getDb()),
  ]);
  return (
    <div>
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <ClientMessages namespaces={["allocation"]}>
        <AllocationConsole data={data} />
      </ClientMessages>
    </div>
  );
}
