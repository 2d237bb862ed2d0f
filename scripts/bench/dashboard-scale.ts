/**
 * The SQL that multiplies the seeded history: `copies` more copies of every history order (with
 * its lines) and of every stock movement, each copy with new ids, its timestamps moved by a few
 * minutes so the copies spread over the same days rather than stack on the same instants. Stock
 * levels are left alone: they are the current state, not history.
 */

/** One table to copy: its columns (as the database lists them) and what replaces some of them. */
export type CopySpec = {
  table: string;
  columns: readonly string[];
  /** SQL expressions over the alias `t` (the source row) and `c.k` (the copy number, 1…copies). */
  replace: Readonly<Record<string, string>>;
  /** Columns left out of the INSERT (filled by their defaults, e.g. an autoincrement id). */
  omit?: readonly string[];
  /** Which source rows to copy (over the alias `t`). */
  where: string;
};

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** `INSERT … SELECT` copying the rows `copies` times through `generate_series`. */
export function copyRowsSql(spec: CopySpec, copies: number): string {
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`copies must be ≥ 1: ${copies}`);
  const omitted = new Set(spec.omit ?? []);
  const columns = spec.columns.filter((c) => !omitted.has(c));
  for (const column of Object.keys(spec.replace))
    if (!columns.includes(column)) throw new Error(`${spec.table} has no column ${column}`);
  const values = columns.map((c) => spec.replace[c] ?? `t.${quote(c)}`);
  return [
    `INSERT INTO ${quote(spec.table)} (${columns.map(quote).join(", ")})`,
    `SELECT ${values.join(", ")}`,
    `FROM ${quote(spec.table)} t CROSS JOIN generate_series(1, ${copies}) AS c(k)`,
    `WHERE ${spec.where}`,
  ].join("\n");
}

/** Minutes each copy moves its timestamps: copy k by k × this. */
export const SHIFT_MINUTES_PER_COPY = 13;

/**
 * A timestamp column of copy `c.k`, moved back by k × 13 minutes, or forward when moving back
 * would leave the history window (so every copy stays within the same days). NULL stays NULL.
 */
export function shiftedSql(column: string, window: { now: Date; days: number }): string {
  const start = new Date(window.now.getTime() - window.days * 86_400_000).toISOString();
  const col = `t.${quote(column)}`;
  const shift = `make_interval(mins => c.k * ${SHIFT_MINUTES_PER_COPY})`;
  return `(CASE WHEN ${col} - ${shift} >= TIMESTAMP '${start.replace("T", " ").replace("Z", "")}' THEN ${col} - ${shift} ELSE ${col} + ${shift} END)`;
}

/** The suffix that makes a copied row's key unique: `<key>_x<k>`. */
const suffixed = (expression: string) => `${expression} || '_x' || c.k`;

/** The three statements (orders, their lines, the movements) that scale the history. */
export function scaleHistorySql(input: {
  copies: number;
  now: Date;
  historyDays: number;
  /** The id prefix of the seed's history orders (`ord_h`). */
  orderIdPrefix: string;
  columns: {
    Order: readonly string[];
    OrderLine: readonly string[];
    StockMovement: readonly string[];
  };
}): string[] {
  if (!/^[A-Za-z0-9_-]+$/.test(input.orderIdPrefix))
    throw new Error(`unexpected order id prefix ${input.orderIdPrefix}`);
  const window = { now: input.now, days: input.historyDays };
  const isHistoryOrder = (column: string) => `t.${quote(column)} LIKE '${input.orderIdPrefix}%'`;
  const times = (columns: readonly string[], names: readonly string[]) =>
    Object.fromEntries(
      names.filter((n) => columns.includes(n)).map((n) => [n, shiftedSql(n, window)]),
    );
  return [
    copyRowsSql(
      {
        table: "Order",
        columns: input.columns.Order,
        replace: {
          id: suffixed(`t."id"`),
          orderNo: suffixed(`t."orderNo"`),
          // Unique per channel; a web order's NULL stays NULL (NULL || text is NULL).
          channelOrderId: suffixed(`t."channelOrderId"`),
          idempotencyKey: "NULL",
          ...times(input.columns.Order, [
            "placedAt",
            "promisedBy",
            "paidAt",
            "completedAt",
            "cancelledAt",
          ]),
        },
        where: isHistoryOrder("id"),
      },
      input.copies,
    ),
    copyRowsSql(
      {
        table: "OrderLine",
        columns: input.columns.OrderLine,
        replace: { id: suffixed(`t."id"`), orderId: suffixed(`t."orderId"`) },
        where: isHistoryOrder("orderId"),
      },
      input.copies,
    ),
    copyRowsSql(
      {
        table: "StockMovement",
        columns: input.columns.StockMovement,
        omit: ["id"],
        replace: {
          // A sale of a history order points at that order's copy; other documents stay shared.
          documentId: `(CASE WHEN t."documentType" = 'ORDER' AND ${isHistoryOrder("documentId")} THEN ${suffixed(`t."documentId"`)} ELSE t."documentId" END)`,
          createdAt: shiftedSql("createdAt", window),
        },
        where: "true",
      },
      input.copies,
    ),
  ];
}
