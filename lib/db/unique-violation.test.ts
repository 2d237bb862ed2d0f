import { describe, expect, it } from "vitest";
import { isUniqueViolation } from "./unique-violation";

describe("isUniqueViolation", () => {
  it.each([
    ["Prisma's unique violation", { code: "P2002" }, true],
    [
      "a raw statement's unique violation",
      { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } },
      true,
    ],
    [
      "a raw statement's other failure",
      { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23514" } } } },
      false,
    ],
    ["a raw failure without details", { code: "P2010" }, false],
    ["another Prisma error", { code: "P2025" }, false],
    ["a plain error", new Error("boom"), false],
    ["not an object", "P2002", false],
    ["null", null, false],
  ])("%s → %s", (_name, error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});
