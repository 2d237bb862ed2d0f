import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/format/csv";
import { statementCsv, statementCsvResponse, yuan } from "./statement-csv";

const row = {
  organizationId: "org_A",
  period: "2026-12",
  sales: 1_234_500,
  fees: -7_407,
  commissions: -5,
  employeeDiscount: 0,
  refunds: -100,
  net: 1_226_988,
};

describe("the statement as CSV", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [-150, "-1.50"],
    [1_234_500, "12345.00"],
  ])("writes %i fen as %s yuan", (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });

  it("quotes a cell with a comma, quote or line break and neutralises a formula", () => {
    expect(csvCell('Acme, "East"')).toBe('"Acme, ""East"""');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes a header and a row per organisation and period, CRLF line ends", () => {
    const csv = statementCsv([row], [{ id: "org_A", code: "FR-A", name: "Acme, Ltd" }]);
    expect(csv).toBe(
      "organization_code,organization,period,sales_yuan,fees_yuan,commissions_yuan,employee_discount_yuan,refunds_yuan,net_yuan\r\n" +
        'FR-A,"Acme, Ltd",2026-12,12345.00,-74.07,-0.05,0.00,-1.00,12269.88\r\n',
    );
  });

  it("names the download after its scope", () => {
    const response = statementCsvResponse([row], [{ id: "org_A", code: "FR-A", name: "A" }], {
      organizationId: "org_A",
      period: "month",
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="settlement-FR-A-month-2026-12-01-2026-12-31.csv"',
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
