import { getTranslations } from "next-intl/server";
import { RoutingRulesForm } from "@/components/admin/routing-rules-form";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listRoutingRules } from "@/lib/admin/list-routing-rules.server";

export default async function AdminRouting() {
  await requirePageRole(["ADMIN"], "/admin/routing");
  const [t, rules] = await Promise.all([
    getTranslations("admin.rules"),
    listRoutingRules(await getDb()),
  ]);
  return (
    <div>
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <RoutingRulesForm initial={rules} />
    </div>
  );
}
