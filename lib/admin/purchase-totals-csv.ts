/** Purchase totals as CSV for a spreadsheet: amounts in yuan, cells escaped. */

type TotalsRow = { units: number; spend: number };
export type PurchaseTotals = {
  periodKey: string;
  byEmployee: (TotalsRow & { employeeNo: string; name: string })[];
  bySku: (TotalsRow & { skuCode: string; name: string })[];
};

/** One CSV cell: quoted when it holds a comma, quote or line break; a leading formula sign is neutralised. */
export function csvCell(value: string | number): string {
  let text = String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

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
