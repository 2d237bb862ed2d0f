import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  suggestTransfers,
  transferNeed,
  type TransferRow,
  type TransferSuggestion,
} from "./transfer-suggestions";

const row = (nodeId: string, city: string, extra: Partial<TransferRow> = {}): TransferRow => ({
  nodeId,
  nodeType: "STORE_DIRECT",
  city,
  skuId: "s",
  onHand: 0,
  reserved: 0,
  safetyStock: 0,
  displayMin: 0,
  unitsSold: 0,
  ...extra,
});
const W = { windowDays: 30 };
const moves = (suggestions: TransferSuggestion[]) =>
  suggestions.map((s) => `${s.skuId}:${s.fromNodeId}→${s.toNodeId}×${s.quantity}`);

describe("transferNeed", () => {
  it.each([
    // 1 a day × 21 days − 5 available.
    ["short of cover", { onHand: 5, unitsSold: 30 }, 16],
    ["inbound counts", { onHand: 5, unitsSold: 30, inbound: 10 }, 6],
    ["already covered", { onHand: 21, unitsSold: 30 }, 0],
    ["reserved units do not cover", { onHand: 21, reserved: 21, unitsSold: 30 }, 21],
    ["does not sell", { onHand: 0 }, 0],
    // Empty shelf, safety stock 1: 21 units to cover plus the 1 that refills the safety stock,
    // or the first unit to arrive would not be available to sell.
    ["below its safety stock", { onHand: 0, safetyStock: 1, unitsSold: 30 }, 22],
    ["on its safety stock", { onHand: 3, safetyStock: 3, unitsSold: 30 }, 21],
  ])("%s → %i", (_, extra, expected) => {
    expect(transferNeed(row("n", "X", extra), W)).toBe(expected);
  });

  it("is zero in a zero-day window", () => {
    expect(transferNeed(row("n", "X", { unitsSold: 30 }), { windowDays: 0 })).toBe(0);
  });
});

describe("suggestTransfers", () => {
  it("moves slow stock to where it sells, same city first, largest need first", () => {
    const suggestions = suggestTransfers(
      [
        row("wh-sh", "Shanghai", { nodeType: "REGIONAL_WAREHOUSE", onHand: 200 }),
        row("st-hz", "Hangzhou", { onHand: 50, displayMin: 4, safetyStock: 2 }),
        row("st-sh", "Shanghai", { onHand: 5, unitsSold: 30 }), // need 16
        row("st-hz2", "Hangzhou", { onHand: 2, unitsSold: 60 }), // need 40
      ],
      W,
    );
    expect(suggestions).toEqual([
      {
        skuId: "s",
        fromNodeId: "st-hz",
        toNodeId: "st-hz2",
        quantity: 40,
        sameCity: true,
        fromCity: "Hangzhou",
        toCity: "Hangzhou",
        fromGiveable: 46,
        toNeed: 40,
        fromDaysOfSupply: { kind: "NO_SALES" },
        toDaysOfSupply: { kind: "DAYS", days: 1 },
      },
      expect.objectContaining({
        fromNodeId: "wh-sh",
        toNodeId: "st-sh",
        quantity: 16,
        sameCity: true,
        fromGiveable: 200,
      }),
    ]);
  });

  it("keeps a same-city source for its own city even when a larger need elsewhere comes first", () => {
    const suggestions = suggestTransfers(
      [
        row("src-sh", "Shanghai", { onHand: 10 }),
        row("dst-bj", "Beijing", { unitsSold: 60 }), // need 42, no source in Beijing
        row("dst-sh", "Shanghai", { unitsSold: 30 }), // need 21
      ],
      W,
    );
    expect(moves(suggestions)).toEqual(["s:src-sh→dst-sh×10"]);
  });

  it("goes across cities when the city has nothing to give", () => {
    const suggestions = suggestTransfers(
      [
        row("src-sh", "Shanghai", { onHand: 30 }),
        row("src-hz", "Hangzhou", { onHand: 5 }),
        row("dst-hz", "Hangzhou", { unitsSold: 30 }), // need 21: 5 in town, 16 from Shanghai
      ],
      W,
    );
    expect(moves(suggestions)).toEqual(["s:src-hz→dst-hz×5", "s:src-sh→dst-hz×16"]);
    expect(suggestions.map((s) => s.sameCity)).toEqual([true, false]);
  });

  it("serves the largest need first when sources run short; equal needs by node id", () => {
    const rows = [
      row("src", "X", { onHand: 30 }),
      row("small", "X", { unitsSold: 10 }), // need 7
      row("big-b", "X", { unitsSold: 20 }), // need 14
      row("big-a", "X", { unitsSold: 20 }), // need 14
    ];
    expect(moves(suggestTransfers(rows, W))).toEqual([
      "s:src→big-a×14",
      "s:src→big-b×14",
      "s:src→small×2",
    ]);
  });

  it("takes from the source with the most to give first; equal sources by node id", () => {
    const rows = [
      row("src-b", "X", { onHand: 10 }),
      row("src-a", "X", { onHand: 10 }),
      row("src-c", "X", { onHand: 4 }),
      row("dst", "X", { unitsSold: 30 }), // need 21
    ];
    expect(moves(suggestTransfers(rows, W))).toEqual([
      "s:src-a→dst×10",
      "s:src-b→dst×10",
      "s:src-c→dst×1",
    ]);
  });

  it("never touches reserved units, the shelf minimum, the safety stock or a source's own cover", () => {
    const dst = row("dst", "X", { unitsSold: 3000 }); // needs far more than anyone can give
    const cases: [Partial<TransferRow>, number][] = [
      [{ onHand: 20, reserved: 20 }, 0], // all stock reserved: not even available
      [{ onHand: 20, reserved: 15 }, 5],
      [{ onHand: 20, displayMin: 25 }, 0], // shelf minimum above on hand
      [{ onHand: 20, displayMin: 8 }, 12],
      [{ onHand: 20, safetyStock: 6, displayMin: 3 }, 14],
      // Slow but selling: 300 on hand, 30 sold in 30 days = 300 days; keeps 21 for itself.
      [{ onHand: 300, unitsSold: 30, displayMin: 4 }, 275],
    ];
    for (const [extra, expected] of cases) {
      const given = suggestTransfers([row("src", "X", extra), dst], W);
      expect(given.reduce((sum, s) => sum + s.quantity, 0)).toBe(expected);
    }
  });

  it("does not send to a destination already covered, by stock or inbound", () => {
    const rows = [
      row("src", "X", { onHand: 50 }),
      row("covered", "X", { onHand: 21, unitsSold: 30 }),
      row("arriving", "X", { onHand: 1, inbound: 20, unitsSold: 30 }),
    ];
    expect(suggestTransfers(rows, W)).toEqual([]);
  });

  it("does not take from a node that is not slow, or not yet a window in stock", () => {
    const rows = [
      row("busy", "X", { onHand: 80, unitsSold: 30 }), // 80 days: not above 90
      row("new", "X", { onHand: 80, daysInStock: 5 }), // no sales, but only 5 days on the shelf
      row("dst", "X", { unitsSold: 30 }),
    ];
    expect(suggestTransfers(rows, W)).toEqual([]);
    expect(moves(suggestTransfers(rows, { windowDays: 30, slowThresholdDays: 60 }))).toEqual([
      "s:busy→dst×21",
    ]);
  });

  it("brings destinations up to a configured cover", () => {
    const rows = [row("src", "X", { onHand: 100 }), row("dst", "X", { unitsSold: 30 })];
    expect(
      moves(suggestTransfers(rows, { windowDays: 30, targetDays: 45, slowThresholdDays: 90 })),
    ).toEqual(["s:src→dst×45"]);
  });

  it("suggests nothing in a zero-day window", () => {
    const rows = [row("src", "X", { onHand: 100 }), row("dst", "X", { unitsSold: 30 })];
    expect(suggestTransfers(rows, { windowDays: 0 })).toEqual([]);
  });

  it("treats each SKU on its own and sorts by SKU, source, destination", () => {
    const rows = [
      row("n1", "X", { skuId: "b", onHand: 9 }),
      row("n2", "X", { skuId: "b", unitsSold: 30 }),
      row("n1", "X", { skuId: "a", unitsSold: 30 }),
      row("n2", "X", { skuId: "a", onHand: 9 }),
    ];
    expect(moves(suggestTransfers(rows, W))).toEqual(["a:n2→n1×9", "b:n1→n2×9"]);
  });

  it("refuses duplicate rows and a target above the slow threshold", () => {
    expect(() => suggestTransfers([row("n", "X"), row("n", "X")], W)).toThrow(RangeError);
    expect(() =>
      suggestTransfers([], { windowDays: 30, targetDays: 100, slowThresholdDays: 90 }),
    ).toThrow(RangeError);
  });
});

describe("suggestTransfers properties", () => {
  const rowArb = fc
    .record({
      nodeId: fc.constantFrom("n0", "n1", "n2", "n3", "n4", "n5"),
      skuId: fc.constantFrom("a", "b"),
      city: fc.constantFrom("Shanghai", "Hangzhou"),
      onHand: fc.integer({ min: 0, max: 80 }),
      reserved: fc.integer({ min: 0, max: 80 }),
      safetyStock: fc.integer({ min: 0, max: 10 }),
      displayMin: fc.integer({ min: 0, max: 10 }),
      unitsSold: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 90 })),
      inbound: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      daysInStock: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    })
    .map((r): TransferRow => ({
      ...r,
      nodeType: "STORE_DIRECT",
      reserved: Math.min(r.reserved, r.onHand),
    }));
  const rowsArb = fc.uniqueArray(rowArb, {
    maxLength: 12,
    selector: (r) => `${r.skuId}/${r.nodeId}`,
  });
  type Options = { windowDays: number; targetDays: number; slowThresholdDays: number };
  const optionsArb: fc.Arbitrary<Options> = fc
    .record({
      windowDays: fc.integer({ min: 0, max: 60 }),
      targetDays: fc.integer({ min: 0, max: 40 }),
      extra: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ windowDays, targetDays, extra }) => ({
      windowDays,
      targetDays,
      slowThresholdDays: targetDays + extra,
    }));

  // The rules restated from the README, independently of the code under test.
  const available = (r: TransferRow) => Math.max(0, r.onHand - r.reserved - r.safetyStock);
  const ownCover = (r: TransferRow, o: Options) =>
    o.windowDays === 0 ? 0 : Math.ceil((r.unitsSold * o.targetDays) / o.windowDays);
  const isSource = (r: TransferRow, o: Options) => {
    if (available(r) === 0) return false;
    if (r.unitsSold === 0 || o.windowDays === 0) {
      return o.windowDays > 0 && (r.daysInStock ?? o.windowDays) >= o.windowDays;
    }
    return (available(r) * o.windowDays) / r.unitsSold > o.slowThresholdDays;
  };
  const giveable = (r: TransferRow, o: Options) =>
    isSource(r, o)
      ? Math.max(0, r.onHand - r.reserved - Math.max(r.safetyStock, r.displayMin) - ownCover(r, o))
      : 0;
  // A deficit below the safety stock is needed too: what arrives must become available.
  const need = (r: TransferRow, o: Options) =>
    Math.max(0, ownCover(r, o) - (r.onHand - r.reserved - r.safetyStock) - (r.inbound ?? 0));
  const flows = (suggestions: TransferSuggestion[]) => {
    const out = new Map<string, number>();
    const into = new Map<string, number>();
    for (const s of suggestions) {
      const from = `${s.skuId}/${s.fromNodeId}`;
      const to = `${s.skuId}/${s.toNodeId}`;
      out.set(from, (out.get(from) ?? 0) + s.quantity);
      into.set(to, (into.get(to) ?? 0) + s.quantity);
    }
    return { out, into };
  };

  it("never takes a source below max(safetyStock, displayMin) + reserved nor past its giveable units, never overfills", () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, options) => {
        const suggestions = suggestTransfers(rows, options);
        const { out, into } = flows(suggestions);
        for (const s of suggestions) {
          expect(Number.isInteger(s.quantity) && s.quantity > 0).toBe(true);
          expect(s.fromNodeId).not.toBe(s.toNodeId);
        }
        for (const r of rows) {
          const key = `${r.skuId}/${r.nodeId}`;
          const sent = out.get(key) ?? 0;
          const received = into.get(key) ?? 0;
          expect(sent).toBeLessThanOrEqual(giveable(r, options));
          if (sent > 0) {
            expect(r.onHand - sent - r.reserved).toBeGreaterThanOrEqual(
              Math.max(r.safetyStock, r.displayMin),
            );
          }
          expect(received).toBeLessThanOrEqual(need(r, options));
          expect(sent === 0 || received === 0).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("moves as many units out as in, per SKU, and leaves no pair that could still trade", () => {
    fc.assert(
      fc.property(rowsArb, optionsArb, (rows, options) => {
        const suggestions = suggestTransfers(rows, options);
        const { out, into } = flows(suggestions);
        for (const sku of ["a", "b"]) {
          const sum = (m: Map<string, number>) =>
            [...m].filter(([k]) => k.startsWith(`${sku}/`)).reduce((t, [, q]) => t + q, 0);
          expect(sum(out)).toBe(sum(into));
          const skuRows = rows.filter((r) => r.skuId === sku);
          const leftToGive = skuRows.some(
            (r) => giveable(r, options) - (out.get(`${sku}/${r.nodeId}`) ?? 0) > 0,
          );
          const leftToNeed = skuRows.some(
            (r) => need(r, options) - (into.get(`${sku}/${r.nodeId}`) ?? 0) > 0,
          );
          expect(leftToGive && leftToNeed).toBe(false);
        }
        // Cross-city only once the destination's own city has nothing left to give.
        for (const s of suggestions.filter((x) => !x.sameCity)) {
          for (const r of rows) {
            if (r.skuId !== s.skuId || r.city !== s.toCity) continue;
            expect(giveable(r, options) - (out.get(`${r.skuId}/${r.nodeId}`) ?? 0)).toBe(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same answer whatever the order of the rows", () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        optionsArb,
        ([rows, shuffled], options) => {
          expect(suggestTransfers(shuffled, options)).toEqual(suggestTransfers(rows, options));
        },
      ),
      { numRuns: 200 },
    );
  });
});
