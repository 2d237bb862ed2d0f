import { csvCell } from "@/lib/format/csv";
import { AMOUNT_COLUMNS, type StatementRow } from "./report";
import type { StatementFilter } from "./statement-filter";

/** An organisation as the statement names it. */
type Named = { id: string; code: string; name: string };

/** Fen as yuan with two decimals and its sign: -1550 → "-15.50". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * The statement as CSV (RFC 4180: CRLF line ends, cells with a comma, quote or line break
 * quoted, quotes doubled), amounts in yuan. Amounts are written as numbers: a leading minus is a
 * negative amount here, not a formula, so only the text cells are guarded against formulas.
 */
export function statementCsv(
  rows: readonly StatementRow[],
  organizations: readonly Named[],
): string {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const lines = [
    [
      "organization_code",
      "organization",
      "period",
      ...AMOUNT_COLUMNS.map((c) => `${snake(c)}_yuan`),
    ]
      .map(csvCell)
      .join(","),
    ...rows.map((row) => {
      const org = byId.get(row.organizationId);
      return [
        csvCell(org?.code ?? row.organizationId),
        csvCell(org?.name ?? ""),
        csvCell(row.period),
        ...AMOUNT_COLUMNS.map((c) => yuan(row[c])),
      ].join(",");
    }),
  ];
  return lines.join("\r\n") + "\r\n";
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The statement as a file download named after its scope. */
export function statementCsvResponse(
  rows: readonly StatementRow[],
  organizations: readonly Named[],
  filter: StatementFilter,
): Response {
  const scope = filter.organizationId
    ? (organizations.find((o) => o.id === filter.organizationId)?.code ?? "organization")
    : "all";
  const name = `settlement-${scope}-${filter.period}-${filter.from}-${filter.to}.csv`.replace(
    /[^\w.-]/g,
    "_",
  );
  return new Response(statementCsv(rows, organizations), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
