import { describe, expect, it } from "vitest";
import { assertActsFor } from "./actor";
import {
  attemptsLeft,
  MAX_PICKUP_CODE_ATTEMPTS,
  PICKUP_CODE_PATTERN,
  pickupCodeMatches,
} from "./pickup-code";

describe("pickup codes", () => {
  it.each([
    ["482913", "482913", true],
    ["482913", "482914", false],
    ["482913", "48291", false],
    [null, "482913", false],
  ] as const)("code %s matches %s: %s", (expected, given, result) => {
    expect(pickupCodeMatches(expected, given)).toBe(result);
  });

  it.each([
    ["123456", true],
    ["12345", false],
    ["12345a", false],
    ["1234567", false],
  ] as const)("%s is a well-formed code: %s", (code, ok) =>
    expect(PICKUP_CODE_PATTERN.test(code)).toBe(ok),
  );

  it("counts the tries left down to zero and no further", () => {
    expect(attemptsLeft(0)).toBe(MAX_PICKUP_CODE_ATTEMPTS);
    expect(attemptsLeft(MAX_PICKUP_CODE_ATTEMPTS)).toBe(0);
    expect(attemptsLeft(MAX_PICKUP_CODE_ATTEMPTS + 3)).toBe(0);
  });
});

describe("who may act for a store", () => {
  const staff = { id: "u", role: "STORE_STAFF" as const, storeNodeId: "sh" };
  it("admits the store's own staff and admins", () => {
    expect(() => assertActsFor(staff, ["sh"])).not.toThrow();
    expect(() =>
      assertActsFor({ id: "a", role: "ADMIN", storeNodeId: null }, ["bj"]),
    ).not.toThrow();
  });
  it.each([
    ["another store's staff", staff, ["bj"]],
    ["staff without a store", { ...staff, storeNodeId: null }, [null]],
    ["a consumer", { id: "c", role: "CONSUMER" as const, storeNodeId: null }, ["sh"]],
  ] as const)("refuses %s with FORBIDDEN", (_label, actor, nodes) => {
    expect(() => assertActsFor(actor, nodes)).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });
});
