import { describe, expect, it } from "vitest";
import { GAP_GRACE_MS, advanceCursor } from "./advance-cursor";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const rows = (...specs: [number, number][]) =>
  specs.map(([id, ageMs]) => ({ id, createdAt: ago(ageMs) }));

describe("advanceCursor", () => {
  it("moves to the last row when the ids follow on without a hole", () => {
    expect(advanceCursor({ position: 10, movements: rows([11, 0], [12, 0], [13, 0]), now })).toBe(
      13,
    );
  });

  it("stays put with nothing to read", () => {
    expect(advanceCursor({ position: 10, movements: [], now })).toBe(10);
  });

  it("stops before a young hole: id 12 may still commit after 13", () => {
    expect(advanceCursor({ position: 10, movements: rows([11, 50], [13, 20], [14, 0]), now })).toBe(
      11,
    );
  });

  it("stops right at the cursor when the hole is the first id", () => {
    expect(advanceCursor({ position: 10, movements: rows([12, 5]), now })).toBe(10);
  });

  it("skips a hole older than the grace: a rolled-back insert, not a late commit", () => {
    const old = GAP_GRACE_MS + 1;
    expect(
      advanceCursor({ position: 10, movements: rows([11, old], [13, old], [14, 0]), now }),
    ).toBe(14);
  });

  it("honours a custom grace", () => {
    const movements = rows([12, 1_000], [13, 0]);
    expect(advanceCursor({ position: 10, movements, now, gapGraceMs: 500 })).toBe(13);
    expect(advanceCursor({ position: 10, movements, now, gapGraceMs: 5_000 })).toBe(10);
  });

  it("ignores rows at or below the cursor", () => {
    expect(advanceCursor({ position: 10, movements: rows([9, 0], [10, 0], [11, 0]), now })).toBe(
      11,
    );
  });
});
