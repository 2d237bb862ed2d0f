import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { RateForm } from "@/components/admin/settlement/rate-form";
import { RatesTable } from "@/components/admin/settlement/rates-table";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listRates } from "@/lib/settlement/list-rates.server";
import { RATE_KINDS } from "@/lib/settlement/rates";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";

export const dynamic = "force-dynamic";

export default async function SettlementRatesPage() {
  await requirePageRole(["ADMIN"], "/admin/settlement/rates");
  const now = new Date();
  const [t, rates] = await Promise.all([
    getTranslations("settlement.rates"),
    listRates(await getDb(), now),
  ]);
  return (
    <div className="space-y-4">
      <Link href="/admin/settlement" className="text-sm text-stone-600 underline">
        {t("back")}
      </Link>
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <ClientMessages namespaces={["settlement"]}>
        <section className="space-y-2">
          <h2 className="font-medium">{t("form.title")}</h2>
          <RateForm today={shanghaiDayOf(now)} />
        </section>
        {RATE_KINDS.map((kind) => (
          <RatesTable
            key={kind}
            title={t(`kinds.${kind}`)}
            rates={rates.filter((r) => r.kind === kind)}
          />
        ))}
      </ClientMessages>
    </div>
  );
}
