import { describe, expect, it } from "vitest";
import { copyRowsSql, scaleHistorySql, shiftedSql } from "./dashboard-scale";

const now = new Date("2026-12-06T12:00:00.000Z");
const columns = {
  Order: ["id", "orderNo", "channelOrderId", "idempotencyKey", "placedAt", "paidAt", "total"],
  OrderLine: ["id", "orderId", "skuId", "quantity"],
  StockMovement: ["id", "nodeId", "kind", "documentType", "documentId", "createdAt"],
};

describe("copyRowsSql", () => {
  it("copies every column through generate_series, replacing and leaving out the named ones", () => {
    const sql = copyRowsSql(
      {
        table: "T",
        columns: ["id", "a", "b"],
        replace: { a: 't."a" || c.k' },
        omit: ["id"],
        where: "true",
      },
      9,
    );
    expect(sql).toBe(
      [
        'INSERT INTO "T" ("a", "b")',
        'SELECT t."a" || c.k, t."b"',
        'FROM "T" t CROSS JOIN generate_series(1, 9) AS c(k)',
        "WHERE true",
      ].join("\n"),
    );
  });

  it("refuses a replaced column the table lacks, and fewer than one copy", () => {
    const spec = { table: "T", columns: ["a"], replace: { b: "1" }, where: "true" };
    expect(() => copyRowsSql(spec, 1)).toThrow(/no column b/);
    expect(() => copyRowsSql({ ...spec, replace: {} }, 0)).toThrow(/copies/);
  });
});

describe("shiftedSql", () => {
  it("moves copy k back by k × 13 minutes, or forward when that leaves the window", () => {
    expect(shiftedSql("placedAt", { now, days: 112 })).toBe(
      "(CASE WHEN t.\"placedAt\" - make_interval(mins => c.k * 13) >= TIMESTAMP '2026-08-16 12:00:00.000'" +
        ' THEN t."placedAt" - make_interval(mins => c.k * 13)' +
        ' ELSE t."placedAt" + make_interval(mins => c.k * 13) END)',
    );
  });
});

describe("scaleHistorySql", () => {
  const [orders, lines, movements] = scaleHistorySql({
    copies: 9,
    now,
    historyDays: 112,
    orderIdPrefix: "ord_h",
    columns,
  });

  it("gives copied orders new ids, numbers and channel order ids, no idempotency key, and moved times", () => {
    expect(orders).toContain(
      'INSERT INTO "Order" ("id", "orderNo", "channelOrderId", "idempotencyKey", "placedAt", "paidAt", "total")',
    );
    expect(orders).toContain(
      `SELECT t."id" || '_x' || c.k, t."orderNo" || '_x' || c.k, t."channelOrderId" || '_x' || c.k, NULL, (CASE`,
    );
    expect(orders).toContain('t."total"\nFROM');
    expect(orders).toContain("generate_series(1, 9)");
    expect(orders).toContain(`WHERE t."id" LIKE 'ord_h%'`);
  });

  it("points copied lines at the copied order", () => {
    expect(lines).toContain(`SELECT t."id" || '_x' || c.k, t."orderId" || '_x' || c.k, t."skuId"`);
    expect(lines).toContain(`WHERE t."orderId" LIKE 'ord_h%'`);
  });

  it("copies every movement with a new id, a sale pointing at its order's copy", () => {
    expect(movements).toContain('INSERT INTO "StockMovement" ("nodeId", "kind"');
    expect(movements).not.toContain('"id", ');
    expect(movements).toContain(
      `(CASE WHEN t."documentType" = 'ORDER' AND t."documentId" LIKE 'ord_h%' THEN t."documentId" || '_x' || c.k ELSE t."documentId" END)`,
    );
    expect(movements).toContain("WHERE true");
  });

  it("refuses an id prefix that is not a plain word", () => {
    expect(() =>
      scaleHistorySql({ copies: 9, now, historyDays: 112, orderIdPrefix: "x' OR '1", columns }),
    ).toThrow(/prefix/);
  });
});
