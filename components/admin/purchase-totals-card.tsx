import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";

/** One table of employee purchase totals (by employee or by SKU), with its CSV download. */
export async function PurchaseTotalsCard(props: {
  title: string;
  csvHref: string;
  testId: string;
  /** The two columns that name a row, e.g. employee no. and name. */
  keyHeadings: readonly [string, string];
  rows: readonly {
    key: string;
    first: string;
    second: string | null;
    units: number;
    spend: number;
  }[];
}) {
  const t = await getTranslations("admin.employees");
  return (
    <Card>
      <div className="mb-2 flex justify-between">
        <h3 className="font-medium">{props.title}</h3>
        <a className="text-sm underline" href={props.csvHref} download>
          {t("csv")}
        </a>
      </div>
      <table className="w-full text-sm" data-testid={props.testId}>
        <thead className="text-left text-stone-500">
          <tr>
            <th>{props.keyHeadings[0]}</th>
            <th>{props.keyHeadings[1]}</th>
            <th>{t("units")}</th>
            <th>{t("spend")}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} className="border-t border-stone-100">
              <td>{r.first}</td>
              <td>{r.second}</td>
              <td>{r.units}</td>
              <td>
                <Money fen={r.spend} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 ? (
        <p className="text-sm text-stone-500">{t("noPurchases")}</p>
      ) : null}
    </Card>
  );
}
