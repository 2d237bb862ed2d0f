import { getTranslations } from "next-intl/server";
import { PickupVerifier } from "@/components/store/pickup-verifier";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";

export default async function PickupPage() {
  await requirePageRole(["STORE_STAFF"], "/store/pickup");
  const t = await getTranslations("fulfilment.pickup");
  return (
    <div className="max-w-xl">
      <PageTitle title={t("title")} />
      <PickupVerifier />
    </div>
  );
}
