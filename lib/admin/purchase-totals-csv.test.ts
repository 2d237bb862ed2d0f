import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/format/csv";
import { purchaseTotalsCsv } from "./purchase-totals-csv";

describe("purchase totals CSV", () => {
  it("escapes cells: commas, quotes, line breaks and formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell(-5)).toBe("-5");
    expect(
      toCsv([
        ["a", 1],
        ["b,c", 2],
      ]),
    ).toBe('a,1\r\n"b,c",2\r\n');
  });

  it("writes either table with a header and yuan amounts", () => {
    const totals = {
      periodKey: "2026-Q4",
      byEmployee: [{ employeeNo: "E1", name: 'Li, "Na"', units: 3, spend: 89_700 }],
      bySku: [{ skuCode: "S1", name: "=Runner", units: 3, spend: 5 }],
    };
    expect(purchaseTotalsCsv(totals, "employee")).toBe(
      'period,employee_no,name,units,spend_yuan\r\n2026-Q4,E1,"Li, ""Na""",3,897.00\r\n',
    );
    expect(purchaseTotalsCsv(totals, "sku")).toBe(
      "period,sku,item,units,spend_yuan\r\n2026-Q4,S1,'=Runner,3,0.05\r\n",
    );
  });
});
