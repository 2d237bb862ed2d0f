/** Purchase totals as CSV for a spreadsheet: amounts in yuan, cells escaped. */
import { toCsv } from "@/lib/format/csv";

type TotalsRow = { units: number; spend: number };
export type PurchaseTotals = {
  periodKey: string;
  byEmployee: (TotalsRow & { employeeNo: string; name: string })[];
  bySku: (TotalsRow & { skuCode: string; name: string })[];
};

/** Fen as a yuan amount with two decimals, e.g. 29900 → "299.00". */
const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** One of the totals tables as CSV, with a header row. */
export function purchaseTotalsCsv(totals: PurchaseTotals, by: "employee" | "sku"): string {
  if (by === "sku")
    return toCsv([
      ["period", "sku", "item", "units", "spend_yuan"],
      ...totals.bySku.map((r) => [totals.periodKey, r.skuCode, r.name, r.units, yuan(r.spend)]),
    ]);
  return toCsv([
    ["period", "employee_no", "name", "units", "spend_yuan"],
    ...totals.byEmployee.map((r) => [
      totals.periodKey,
      r.employeeNo,
      r.name,
      r.units,
      yuan(r.spend),
    ]),
  ]);
}
