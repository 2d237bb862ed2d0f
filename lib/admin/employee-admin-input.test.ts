import { describe, expect, it } from "vitest";
import {
  employeePriceSchema,
  periodKeySchema,
  quotaPolicySchema,
  yuanToFen,
} from "./employee-admin-input";

const policy = {
  name: "Staff",
  period: "QUARTER",
  maxUnits: "10",
  maxSpendYuan: "2000.50",
  maxPerSku: "2",
  discountPercent: "40",
};

describe("employee admin input", () => {
  it("reads yuan with two decimals, stored as integer fen", () => {
    const parsed = quotaPolicySchema.parse(policy);
    expect(parsed).toMatchObject({ maxSpendYuan: 2000.5, maxUnits: 10 });
    expect(yuanToFen(parsed.maxSpendYuan)).toBe(200_050);
    expect(yuanToFen(0.29)).toBe(29);
    // Parsing what was parsed gives the same input (the action and the use case both parse).
    expect(quotaPolicySchema.parse(parsed)).toEqual(parsed);
  });

  it("refuses negative, fractional and out-of-range values", () => {
    for (const change of [
      { maxUnits: "0" },
      { maxUnits: "1.5" },
      { maxPerSku: "-1" },
      { maxSpendYuan: "-1" },
      { maxSpendYuan: "1.234" },
      { discountPercent: "101" },
      { period: "WEEK" },
      { name: "  " },
    ])
      expect(quotaPolicySchema.safeParse({ ...policy, ...change }).success).toBe(false);
  });

  it("clears an employee price with null and refuses a negative one", () => {
    expect(employeePriceSchema.parse({ styleCode: "A1", priceYuan: null }).priceYuan).toBeNull();
    expect(employeePriceSchema.parse({ styleCode: "A1", priceYuan: "199" }).priceYuan).toBe(199);
    expect(employeePriceSchema.safeParse({ styleCode: "A1", priceYuan: "-1" }).success).toBe(false);
  });

  it("accepts month, quarter and year keys only", () => {
    for (const key of ["2026-11", "2026-Q4", "2026"]) expect(periodKeySchema.parse(key)).toBe(key);
    for (const key of ["2026-13", "2026-Q5", "26", "2026-11\u0000"])
      expect(periodKeySchema.safeParse(key).success).toBe(false);
  });
});
