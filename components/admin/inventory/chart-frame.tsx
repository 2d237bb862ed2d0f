"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

/** A chart's figures as a table for screen readers: column headers, then one row per point. */
export type ChartTable = { columns: string[]; rows: { key: string; cells: string[] }[] };

/**
 * A chart's card: its title, a summary, the same figures as a visually hidden table, and the
 * chart drawn only once hydrated (its size is measured in the browser), so the server's HTML and
 * the first client render are the same.
 */
export function ChartFrame({
  title,
  summary,
  table,
  testId,
  children,
}: {
  title: string;
  summary: string;
  table: ChartTable;
  testId: string;
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  const t = useTranslations("inventory.charts");
  const titleId = useId();
  return (
    <figure
      className="min-w-0 rounded-xl border border-stone-200 bg-white p-4"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h3 id={titleId} className="font-bold">
        {title}
      </h3>
      <p className="mb-2 text-xs text-stone-500">{summary}</p>
      <div className="h-60 overflow-hidden" aria-hidden="true">
        {hydrated ? (
          children
        ) : (
          <p className="flex h-full items-center justify-center text-sm text-stone-400">
            {t("loading")}
          </p>
        )}
      </div>
      {/* A table ignores its own 1px width: hide a box around it instead. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
