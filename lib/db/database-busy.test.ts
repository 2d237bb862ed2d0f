import { describe, expect, it } from "vitest";
import { isDatabaseBusy } from "./database-busy";

describe("a database with no capacity in time is told apart from a fault", () => {
  it("knows the pool timeout of the pg driver, Prisma's timeouts and PostgreSQL's refusals", () => {
    expect(isDatabaseBusy(new Error("timeout exceeded when trying to connect"))).toBe(true);
    for (const code of ["P2024", "P2028", "P2037", "53300", "57P03"])
      expect(isDatabaseBusy(Object.assign(new Error("x"), { code }))).toBe(true);
  });

  it("follows the causes a driver wraps errors in", () => {
    const inner = Object.assign(new Error("sorry, too many clients already"), { code: "53300" });
    expect(isDatabaseBusy(new Error("query failed", { cause: inner }))).toBe(true);
  });

  it("leaves every other error a fault", () => {
    expect(isDatabaseBusy(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error("syntax"), { code: "42601" }))).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
    expect(isDatabaseBusy("timeout")).toBe(false);
  });
});
