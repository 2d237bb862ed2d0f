import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TaskWorkbench } from "@/components/store/task-workbench";
import { PageTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { isAppError } from "@/lib/errors/app-error";
import { getStoreTask } from "@/lib/fulfilment/get-store-task.server";
import { localized } from "@/lib/i18n/localized";
import { readRouteParam } from "@/lib/validation/route-params";

async function loadTask(actor: Parameters<typeof getStoreTask>[1]["actor"], id: string) {
  try {
    return await getStoreTask(await getDb(), { actor, fulfilmentOrderId: id });
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") forbidden();
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function StoreTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const id = readRouteParam((await params).id);
  const user = await requirePageRole(["STORE_STAFF"], `/store/tasks/${id}`);
  const task = await loadTask(user, id);
  const [t, locale, format] = await Promise.all([
    getTranslations("fulfilment"),
    getLocale(),
    getFormatter(),
  ]);
  const { order } = task;
  return (
    <div className="space-y-5">
      <Link href="/store" className="text-sm text-stone-600 underline">
        {t("task.back")}
      </Link>
      <PageTitle
        title={t("task.orderNo", { orderNo: order.orderNo })}
        subtitle={`${t(`method.${order.method}`)} · ${t(`status.${task.status}`)}`}
      />
      <dl className="grid gap-2 rounded-xl border border-stone-200 bg-white p-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-stone-500">{t("task.customer")}</dt>
          <dd className="font-medium" data-testid="task-customer">
            {order.contactName}
          </dd>
        </div>
        {order.contactPhone ? (
          <div>
            <dt className="text-stone-500">{t("task.phone")}</dt>
            <dd>{order.contactPhone}</dd>
          </div>
        ) : null}
        {order.addressLine && !task.isParcel ? (
          <div className="sm:col-span-2">
            <dt className="text-stone-500">{t("task.address")}</dt>
            <dd>
              {order.addressLine}
              {order.city ? `, ${order.city}` : ""}
            </dd>
          </div>
        ) : null}
        {task.shipToNode ? (
          <div className="sm:col-span-2">
            <dd>
              {task.side === "receiver"
                ? t("task.parcelFrom", { node: localized(locale, task.node) })
                : t("task.parcelTo", { store: localized(locale, task.shipToNode) })}
            </dd>
          </div>
        ) : null}
        {task.courierName ? (
          <div className="sm:col-span-2">
            <dt className="text-stone-500">{t("task.courier")}</dt>
            <dd>
              {task.courierName} · {task.trackingNo}
            </dd>
          </div>
        ) : null}
        {task.rejectReason ? (
          <dd className="sm:col-span-2 text-red-700">
            {t("task.rejected", { reason: task.rejectReason })}
          </dd>
        ) : null}
      </dl>
      {/* Part of the task as it loads: shown, not announced. */}
      {!task.paid ? (
        <Notice tone="warning" role={null}>
          {t("task.notPaid")}
        </Notice>
      ) : null}
      {task.parcelsWaiting > 0 ? (
        <Notice tone="warning" role={null}>
          {t("task.parcelsWaiting", { count: task.parcelsWaiting })}
        </Notice>
      ) : null}
      {task.status === "READY_FOR_PICKUP" ? (
        <p className="text-sm text-stone-600">
          {t("task.verifyHere")} · {t("task.attempts", { count: task.pickupCodeAttempts })}
        </p>
      ) : null}
      {task.paid ? <TaskWorkbench task={task} /> : null}
      <section>
        <h2 className="mb-2 text-sm font-bold uppercase tracking-wide text-stone-500">
          {t("task.history")}
        </h2>
        <ol className="space-y-1 text-sm text-stone-600">
          {task.events.map((e, i) => (
            <li key={i}>
              {format.dateTime(e.createdAt, { dateStyle: "short", timeStyle: "short" })} ·{" "}
              {t(`status.${e.toStatus}`)}
              {e.actor ? ` · ${e.actor.name}` : ""}
              {e.note ? ` · ${e.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
