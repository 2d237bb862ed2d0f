import { getLocale, getTranslations } from "next-intl/server";
import { TaskQueue } from "@/components/store/task-queue";
import { PageTitle, Stat } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { getStoreOverview } from "@/lib/fulfilment/get-store-overview.server";
import { listStoreTasks, TASK_TABS, type TaskTab } from "@/lib/fulfilment/list-store-tasks.server";
import { localized } from "@/lib/i18n/localized";

export default async function StoreHome({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string }>;
}) {
  const user = await requirePageRole(["STORE_STAFF"], "/store");
  const t = await getTranslations("store");
  const locale = await getLocale();
  if (!user.storeNodeId) return <PageTitle title={t("noStore")} />;
  const requested = (await searchParams).tab;
  const tab: TaskTab = TASK_TABS.find((k) => k === requested) ?? "new";
  const db = await getDb();
  const [overview, queue] = await Promise.all([
    getStoreOverview(db, { storeNodeId: user.storeNodeId }),
    listStoreTasks(db, { storeNodeId: user.storeNodeId, tab }),
  ]);
  const { store, openTasks } = overview;
  return (
    <div className="space-y-6">
      <PageTitle
        title={localized(locale, store)}
        subtitle={`${store.code} · ${localized(locale, { name: store.city, nameZh: store.cityZh })} · ${store.address}`}
      />
      <TaskQueue queue={queue} tab={tab} />
      <section>
        <h2 className="mb-3 text-lg font-bold">{t("tasks")}</h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="store-tasks">
          {TASK_TABS.map((key) => (
            <Stat
              key={key}
              label={t(`tabs.${key}`)}
              value={openTasks[key]}
              testId={`store-tile-${key}`}
            />
          ))}
        </div>
      </section>
      <section className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label={t("skusStocked")} value={overview.skusStocked} testId="store-skus" />
        <Stat label={t("unitsOnHand")} value={overview.unitsOnHand} />
        <Stat label={t("unitsReserved")} value={overview.unitsReserved} />
        <Stat label={t("completed")} value={overview.completedFulfilments} />
      </section>
    </div>
  );
}
