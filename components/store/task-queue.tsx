import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { QueryLink } from "@/components/ui/query-link";
import { localized } from "@/lib/i18n/localized";
import { TASK_TABS, type TaskTab } from "@/lib/fulfilment/list-store-tasks.server";
import type { listStoreTasks } from "@/lib/fulfilment/list-store-tasks.server";

type Queue = Awaited<ReturnType<typeof listStoreTasks>>;

/** Tabs (as links, so they work without JavaScript) and the tasks of the current tab. */
export async function TaskQueue({ queue, tab }: { queue: Queue; tab: TaskTab }) {
  const [t, tf, locale] = await Promise.all([
    getTranslations("store"),
    getTranslations("fulfilment"),
    getLocale(),
  ]);
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" className="mb-3 text-lg font-bold">
        {t("tabs.label")}
      </h2>
      <nav aria-label={t("tabs.label")} className="mb-3 flex gap-1 overflow-x-auto">
        {TASK_TABS.map((key) => (
          <QueryLink
            key={key}
            href={`/store?tab=${key}`}
            aria-current={key === tab ? "page" : undefined}
            className={`whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium ${key === tab ? "bg-ink text-white" : "bg-white text-stone-700 border border-stone-200"}`}
          >
            {t(`tabs.${key}`)} <span className="tabular-nums">({queue.counts[key]})</span>
          </QueryLink>
        ))}
      </nav>
      {queue.tasks.length === 0 ? (
        <p className="text-stone-500">{t("queue.empty")}</p>
      ) : (
        <ul
          className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white"
          data-testid="task-list"
        >
          {queue.tasks.map((task) => (
            <li key={task.id}>
              <Link
                href={`/store/tasks/${task.id}`}
                aria-label={t("queue.open", { orderNo: task.orderNo })}
                className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-stone-50"
              >
                <span>
                  <span className="block font-mono font-semibold">{task.orderNo}</span>
                  <span className="text-sm text-stone-600">
                    {task.contactName} · {tf(`method.${task.method}`)} ·{" "}
                    {t("queue.units", { count: task.units })}
                  </span>
                  {task.isParcel ? (
                    <span className="block text-sm text-stone-600">
                      {t("queue.parcelFrom", { node: localized(locale, task.fromNode) })}
                    </span>
                  ) : null}
                </span>
                <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-semibold">
                  {tf(`status.${task.status}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
