import { describe, expect, it } from "vitest";
import type { DaysOfSupply, InsightTotals } from "@/lib/inventory-insights/metrics";
import { nextSort, sortTotals, type LabelledTotals, type TotalsSort } from "./sort-totals";

function row(
  label: string,
  figures: { onHand?: number; value?: number; sellThrough?: number | null; days?: number | null },
): LabelledTotals {
  const daysOfSupply: DaysOfSupply =
    figures.days === null || figures.days === undefined
      ? { kind: "NO_SALES" }
      : { kind: "DAYS", days: figures.days };
  const totals: InsightTotals = {
    key: `key-${label}`,
    skuCount: 1,
    onHand: figures.onHand ?? 0,
    reserved: 0,
    available: figures.onHand ?? 0,
    unitsSold: 0,
    stockValue: figures.value ?? 0,
    sellThrough: figures.sellThrough ?? null,
    averageDailySales: 0,
    daysOfSupply,
  };
  return { label, totals };
}

const rows = [
  row("Beijing", { onHand: 5, value: 300, sellThrough: 0.5, days: 12.5 }),
  row("Shanghai", { onHand: 9, value: 100, sellThrough: null, days: null }),
  row("Guangzhou", { onHand: 1, value: 200, sellThrough: 0.1, days: 40 }),
  row("Chengdu", { onHand: 5, value: 200, sellThrough: 0.9, days: 0 }),
];
const labels = (sort: TotalsSort) => sortTotals(rows, sort).map((r) => r.label);

describe("sortTotals", () => {
  it.each<[TotalsSort, string[]]>([
    [{ key: "name", dir: "asc" }, ["Beijing", "Chengdu", "Guangzhou", "Shanghai"]],
    [{ key: "name", dir: "desc" }, ["Shanghai", "Guangzhou", "Chengdu", "Beijing"]],
    // Ties (5 and 5, 200 and 200) go by name whichever the direction.
    [{ key: "onHand", dir: "asc" }, ["Guangzhou", "Beijing", "Chengdu", "Shanghai"]],
    [{ key: "onHand", dir: "desc" }, ["Shanghai", "Beijing", "Chengdu", "Guangzhou"]],
    [{ key: "stockValue", dir: "desc" }, ["Beijing", "Chengdu", "Guangzhou", "Shanghai"]],
    // No sell-through and no days of supply come last in both directions.
    [{ key: "sellThrough", dir: "asc" }, ["Guangzhou", "Beijing", "Chengdu", "Shanghai"]],
    [{ key: "sellThrough", dir: "desc" }, ["Chengdu", "Beijing", "Guangzhou", "Shanghai"]],
    [{ key: "daysOfSupply", dir: "asc" }, ["Chengdu", "Beijing", "Guangzhou", "Shanghai"]],
    [{ key: "daysOfSupply", dir: "desc" }, ["Guangzhou", "Beijing", "Chengdu", "Shanghai"]],
  ])("sorts by %o", (sort, expected) => {
    expect(labels(sort)).toEqual(expected);
  });

  it("keeps rows without a figure in name order at the end", () => {
    const more = [
      ...rows,
      row("Anshan", { sellThrough: null }),
      row("Zibo", { sellThrough: null }),
    ];
    const sorted = sortTotals(more, { key: "sellThrough", dir: "desc" }).map((r) => r.label);
    expect(sorted.slice(-3)).toEqual(["Anshan", "Shanghai", "Zibo"]);
  });

  it("does not change its input and gives the same order for any input order", () => {
    const copy = [...rows];
    const sort: TotalsSort = { key: "stockValue", dir: "asc" };
    const once = labels(sort);
    expect(sortTotals([...rows].reverse(), sort).map((r) => r.label)).toEqual(once);
    expect(rows).toEqual(copy);
  });
});

describe("nextSort", () => {
  it("turns the current column round and opens another at its natural direction", () => {
    expect(nextSort({ key: "onHand", dir: "desc" }, "onHand")).toEqual({
      key: "onHand",
      dir: "asc",
    });
    expect(nextSort({ key: "onHand", dir: "asc" }, "onHand")).toEqual({
      key: "onHand",
      dir: "desc",
    });
    expect(nextSort({ key: "onHand", dir: "asc" }, "unitsSold")).toEqual({
      key: "unitsSold",
      dir: "desc",
    });
    expect(nextSort({ key: "onHand", dir: "desc" }, "name")).toEqual({ key: "name", dir: "asc" });
  });
});
