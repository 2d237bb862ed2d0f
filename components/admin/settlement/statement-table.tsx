import Link from "next/link";
import { Fragment } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/money";
import {
  AMOUNT_COLUMNS,
  totalOf,
  type StatementAmounts,
  type StatementRow,
} from "@/lib/settlement/report";

type Group = {
  organization: { id: string; label: string };
  rows: StatementRow[];
  total: StatementAmounts;
};

/**
 * The statement: a row per organisation and period with a column per entry kind and the net,
 * each organisation's total under its rows, and the grand total when there are several.
 * `entriesHref` gives a row's drill-down to its entries (HQ only).
 */
export async function StatementTable(props: {
  groups: readonly Group[];
  entriesHref?: (organizationId: string, period: string) => string;
}) {
  const [t, locale] = await Promise.all([getTranslations("settlement.statement"), getLocale()]);
  const money = (fen: number) => formatMoney(fen, locale);
  if (props.groups.length === 0) return <p className="text-stone-600">{t("empty")}</p>;
  const cells = (amounts: StatementAmounts) =>
    AMOUNT_COLUMNS.map((c) => (
      <td
        key={c}
        className={`px-2 text-right tabular-nums ${amounts[c] < 0 ? "text-red-700" : ""}`}
        data-column={c}
      >
        {money(amounts[c])}
      </td>
    ));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="statement">
        <thead className="text-left text-stone-500">
          <tr>
            <th className="py-2">{t("organization")}</th>
            <th>{t("period")}</th>
            {AMOUNT_COLUMNS.map((c) => (
              <th key={c} className="px-2 text-right">
                {t(`columns.${c}`)}
              </th>
            ))}
            {props.entriesHref ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {props.groups.map((group) => (
            <Fragment key={group.organization.id}>
              {group.rows.map((row) => (
                <tr
                  key={row.period}
                  className="border-t border-stone-100"
                  data-testid="statement-row"
                  data-organization={group.organization.id}
                  data-period={row.period}
                >
                  <td className="py-2">{group.organization.label}</td>
                  <td className="whitespace-nowrap">{row.period}</td>
                  {cells(row)}
                  {props.entriesHref ? (
                    <td className="pl-2">
                      {/* Not prefetched: a long table would fetch every row's page. */}
                      <Link
                        prefetch={false}
                        className="underline"
                        href={props.entriesHref(group.organization.id, row.period)}
                      >
                        {t("entries")}
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
              <tr
                className="border-t border-stone-200 font-medium"
                data-testid="statement-organization-total"
              >
                <td className="py-2">{group.organization.label}</td>
                <td>{t("total")}</td>
                {cells(group.total)}
                {props.entriesHref ? <td /> : null}
              </tr>
            </Fragment>
          ))}
          {props.groups.length > 1 ? (
            <tr className="border-t-2 border-stone-300 font-semibold" data-testid="statement-total">
              <td className="py-2" colSpan={2}>
                {t("total")}
              </td>
              {cells(totalOf(props.groups.map((g) => g.total)))}
              {props.entriesHref ? <td /> : null}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
