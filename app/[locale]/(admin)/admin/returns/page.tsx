import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReturnCounter } from "@/components/store/returns/return-counter";
import { ReturnsWorklist } from "@/components/store/returns/returns-worklist";
import { PageTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { isAppError, refusalOf } from "@/lib/errors/app-error";
import { getLocalizeRefusal } from "@/lib/i18n/localize-refusal.server";
import { findReturnAtCounter, type CounterLookup } from "@/lib/returns/find-return.server";
import {
  listOnlineReturnsAwaiting,
  listReturnWarehouses,
} from "@/lib/returns/list-awaiting-returns.server";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("returns.counter");
  return { title: t("adminTitle") };
}

/** HQ's returns: parcels coming back to a warehouse, received there, then refunded. */
export default async function AdminReturnsPage({
  searchParams,
}: {
  searchParams: Promise<{ return?: RawParam }>;
}) {
  const user = await requirePageRole(["ADMIN"], "/admin/returns");
  const opened = readSearchParam((await searchParams).return, 60);
  const db = await getDb();
  const [t, words, worklist, warehouses] = await Promise.all([
    getTranslations("returns"),
    getLocalizeRefusal(),
    listOnlineReturnsAwaiting(db),
    listReturnWarehouses(db),
  ]);
  let initial: { query: string; lookup: CounterLookup } | undefined;
  let refused: string | null = null;
  if (opened) {
    try {
      const actor = { id: user.id, role: user.role, storeNodeId: user.storeNodeId };
      initial = { query: opened, lookup: await findReturnAtCounter(db, { actor, query: opened }) };
    } catch (error) {
      if (!isAppError(error)) throw error;
      refused = words(refusalOf(error)).message;
    }
  }
  return (
    <div className="space-y-8">
      <div>
        <PageTitle title={t("counter.adminTitle")} subtitle={t("counter.adminSubtitle")} />
        {refused ? (
          <Notice tone="error" className="mb-4">
            {refused}
          </Notice>
        ) : null}
        <ReturnCounter key={opened ?? ""} warehouses={warehouses} initial={initial} />
      </div>
      <ReturnsWorklist
        title={t("worklist.parcels")}
        returns={worklist.parcels}
        testId="returns-parcels"
      />
      <ReturnsWorklist
        title={t("worklist.toRefund")}
        returns={worklist.toRefund}
        testId="returns-to-refund"
      />
    </div>
  );
}
