import { describe, expect, it } from "vitest";
import { statementName } from "./statement-names";

describe("statementName", () => {
  it("names the same text the same way and different texts differently", () => {
    const a = statementName('SELECT 1 FROM "Sku" WHERE "id" = $1');
    expect(statementName('SELECT 1 FROM "Sku" WHERE "id" = $1')).toBe(a);
    expect(statementName('SELECT 2 FROM "Sku" WHERE "id" = $1')).not.toBe(a);
  });

  it("stays inside PostgreSQL's 63-byte identifier limit", () => {
    expect(statementName("x".repeat(100_000)).length).toBeLessThanOrEqual(63);
  });
});
