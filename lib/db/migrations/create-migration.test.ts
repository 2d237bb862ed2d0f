import { describe, expect, it } from "vitest";
import { migrationTimestamp, normaliseMigrationName } from "./create-migration";

describe("migrationTimestamp", () => {
  it.each([
    ["2026-01-02T03:04:05.678Z", "20260102030405"],
    ["1999-12-31T23:59:59.999Z", "19991231235959"],
  ])("formats %s as %s in UTC", (iso, expected) => {
    expect(migrationTimestamp(new Date(iso))).toBe(expected);
  });
});

describe("normaliseMigrationName", () => {
  it.each([
    ["init", "init"],
    ["Add loyalty note", "add_loyalty_note"],
    ["  stock-guards! ", "stock_guards"],
  ])("turns %j into %j", (input, expected) => {
    expect(normaliseMigrationName(input)).toBe(expected);
  });

  it("refuses a name with nothing usable", () => {
    expect(() => normaliseMigrationName(" -- ")).toThrow(/not a usable migration name/);
  });
});
