import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it.each([
    [129900, "en", "CN¥1,299.00"],
    [129900, "zh-CN", "¥1,299.00"],
    [5, "en", "CN¥0.05"],
    [0, "zh-CN", "¥0.00"],
    [-2000, "en", "-CN¥20.00"],
  ])("%i fen in %s is %s", (fen, locale, expected) => {
    expect(formatMoney(fen, locale)).toBe(expected);
  });
});
