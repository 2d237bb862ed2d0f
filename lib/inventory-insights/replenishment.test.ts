import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  groupBySupplier,
  replenishmentCsv,
  suggestReplenishment,
  type ReplenishmentRow,
  type ReplenishmentSuggestion,
} from "./replenishment";

const row = (nodeId: string, extra: Partial<ReplenishmentRow> = {}): ReplenishmentRow => ({
  nodeId,
  skuId: "s",
  onHand: 0,
  reserved: 0,
  safetyStock: 0,
  displayMin: 0,
  inbound: 0,
  unitsSold: 0,
  ...extra,
});
// 7 days' lead time + 21 days' cover = 28 days at the window's rate.
const options = (supplierOf: Record<string, string>, extra: { windowDays?: number } = {}) => ({
  windowDays: 30,
  leadTimeDays: 7,
  supplierOf: new Map(Object.entries(supplierOf)),
  ...extra,
});
const brief = (s: ReplenishmentSuggestion[]) =>
  s.map((x) => `${x.supplierNodeId}→${x.nodeId}:${x.skuId} ${x.quantity}/${x.need}`);

describe("suggestReplenishment", () => {
  it("computes need from velocity, lead time, cover, available and inbound; caps by the supplier, most urgent first", () => {
    const suggestions = suggestReplenishment(
      [
        // 1 a day × 28 = 28 − (5 + 3) = 20; 8 days of cover.
        row("st-a", { onHand: 5, inbound: 3, unitsSold: 30 }),
        // 2 a day × 28 = 56 − 10 = 46; 5 days of cover: served first.
        row("st-b", { onHand: 10, unitsSold: 60 }),
        // Gives 60 − 5 reserved − 10 safety stock = 45.
        row("wh", { onHand: 60, reserved: 5, safetyStock: 10 }),
      ],
      options({ "st-a": "wh", "st-b": "wh" }),
    );
    expect(suggestions).toEqual([
      {
        supplierNodeId: "wh",
        nodeId: "st-a",
        skuId: "s",
        need: 20,
        quantity: 0,
        shortfall: 20,
        available: 5,
        inbound: 3,
        unitsSold: 30,
        daysOfCover: { kind: "DAYS", days: 8 },
      },
      expect.objectContaining({ nodeId: "st-b", need: 46, quantity: 45, shortfall: 1 }),
    ]);
  });

  it("uses available, not on hand: reserved units and safety stock do not cover", () => {
    const [line] = suggestReplenishment(
      [
        row("st", { onHand: 30, reserved: 20, safetyStock: 5, unitsSold: 30 }),
        row("wh", { onHand: 99 }),
      ],
      options({ st: "wh" }),
    );
    expect(line).toMatchObject({ available: 5, need: 23, quantity: 23, shortfall: 0 });
  });

  it("refills a deficit below the safety stock too, so what arrives can be sold", () => {
    // Empty shelf, safety stock 2: 28 units of cover + the 2 the safety stock keeps back.
    const [line] = suggestReplenishment(
      [row("st", { onHand: 0, safetyStock: 2, unitsSold: 30 }), row("wh", { onHand: 99 })],
      options({ st: "wh" }),
    );
    expect(line).toMatchObject({ available: 0, need: 30, quantity: 30 });
  });

  it("suggests nothing for a covered node, a node that does not sell, or a zero-day window", () => {
    const rows = [
      row("covered", { onHand: 20, inbound: 8, unitsSold: 30 }), // exactly 28
      row("idle", { onHand: 0 }),
      row("wh", { onHand: 99 }),
    ];
    const supplierOf = { covered: "wh", idle: "wh" };
    expect(suggestReplenishment(rows, options(supplierOf))).toEqual([]);
    const selling = [row("st", { unitsSold: 30 }), row("wh", { onHand: 99 })];
    expect(suggestReplenishment(selling, options({ st: "wh" }, { windowDays: 0 }))).toEqual([]);
  });

  it("rounds need up to whole units", () => {
    // 11 × 28 ÷ 30 = 10.27 → 11.
    const [line] = suggestReplenishment(
      [row("st", { unitsSold: 11 }), row("wh", { onHand: 99 })],
      options({ st: "wh" }),
    );
    expect(line?.need).toBe(11);
  });

  it("leaves the supplier its reserved units, floors and own cover", () => {
    const supplier = { onHand: 100, reserved: 10, safetyStock: 5, displayMin: 8, unitsSold: 30 };
    // 100 − 10 − max(5, 8) − ⌈30 × 21 ÷ 30⌉ = 61.
    const suggestions = suggestReplenishment(
      [row("st", { unitsSold: 300 }), row("wh", supplier)],
      options({ st: "wh" }),
    );
    expect(brief(suggestions)).toEqual(["wh→st:s 61/280"]);
  });

  it("gives nothing from a supplier without a row for the SKU, and skips nodes without a supplier", () => {
    const suggestions = suggestReplenishment(
      [row("st", { unitsSold: 30 }), row("orphan", { unitsSold: 30 })],
      options({ st: "wh" }),
    );
    expect(brief(suggestions)).toEqual(["wh→st:s 0/28"]);
    expect(suggestions[0]?.shortfall).toBe(28);
  });

  it("shares one supplier's units per SKU; equal urgency goes to the larger need, then node id", () => {
    const rows = [
      row("a", { unitsSold: 30 }), // 0 days, need 28
      row("b", { unitsSold: 60 }), // 0 days, need 56
      row("c", { unitsSold: 30 }), // 0 days, need 28
      row("wh", { onHand: 70 }),
      row("a", { skuId: "t", unitsSold: 30 }),
      row("wh", { skuId: "t", onHand: 5 }),
    ];
    const suggestions = suggestReplenishment(rows, options({ a: "wh", b: "wh", c: "wh" }));
    expect(brief(suggestions)).toEqual([
      "wh→a:s 14/28",
      "wh→a:t 5/28",
      "wh→b:s 56/56",
      "wh→c:s 0/28",
    ]);
  });

  it("replenishes a regional warehouse from the central one on its current stock", () => {
    const rows = [
      row("st", { unitsSold: 30 }),
      row("rw", { onHand: 10, unitsSold: 3 }), // gives 10 − ⌈2.1⌉ = 7; needs ⌈2.8⌉ − 10 < 0
      row("cw", { onHand: 500 }),
      row("rw2", { onHand: 0, unitsSold: 15 }),
    ];
    const suggestions = suggestReplenishment(rows, options({ st: "rw", rw: "cw", rw2: "cw" }));
    expect(brief(suggestions)).toEqual(["cw→rw2:s 14/14", "rw→st:s 7/28"]);
  });

  it("refuses duplicate rows and a node that supplies itself", () => {
    expect(() => suggestReplenishment([row("a"), row("a")], options({}))).toThrow(RangeError);
    expect(() => suggestReplenishment([row("a")], options({ a: "a" }))).toThrow(RangeError);
  });

  it("never sends more than the supplier can give or the node needs (property)", () => {
    const rowArb = fc
      .record({
        nodeId: fc.constantFrom("st1", "st2", "st3", "wh1", "wh2"),
        skuId: fc.constantFrom("a", "b"),
        onHand: fc.integer({ min: 0, max: 60 }),
        reserved: fc.integer({ min: 0, max: 60 }),
        safetyStock: fc.integer({ min: 0, max: 8 }),
        displayMin: fc.integer({ min: 0, max: 8 }),
        inbound: fc.integer({ min: 0, max: 10 }),
        unitsSold: fc.integer({ min: 0, max: 90 }),
      })
      .map((r) => ({ ...r, reserved: Math.min(r.reserved, r.onHand) }));
    const rowsArb = fc.uniqueArray(rowArb, {
      maxLength: 10,
      selector: (r) => `${r.nodeId}/${r.skuId}`,
    });
    const supplierArb = fc.record({
      st1: fc.constantFrom("wh1", "wh2"),
      st2: fc.constantFrom("wh1", "wh2"),
      st3: fc.constantFrom("wh1", "wh2"),
    });
    fc.assert(
      fc.property(
        rowsArb,
        supplierArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 14 }),
        (rows, supplierOf, windowDays, leadTimeDays) => {
          const suggestions = suggestReplenishment(rows, {
            windowDays,
            leadTimeDays,
            supplierOf: new Map(Object.entries(supplierOf)),
          });
          const sent = new Map<string, number>();
          for (const s of suggestions) {
            const r = rows.find((x) => x.nodeId === s.nodeId && x.skuId === s.skuId)!;
            const position = r.onHand - r.reserved - r.safetyStock;
            const cover = Math.ceil((r.unitsSold * (leadTimeDays + 21)) / windowDays);
            expect(s.need).toBe(cover - position - r.inbound);
            expect(s.need).toBeGreaterThan(0);
            expect(s.quantity).toBeGreaterThanOrEqual(0);
            expect(s.quantity + s.shortfall).toBe(s.need);
            const key = `${s.supplierNodeId}/${s.skuId}`;
            sent.set(key, (sent.get(key) ?? 0) + s.quantity);
          }
          for (const [key, units] of sent) {
            const [nodeId, skuId] = key.split("/");
            const w = rows.find((x) => x.nodeId === nodeId && x.skuId === skuId);
            const ownCover = w ? Math.ceil((w.unitsSold * 21) / windowDays) : 0;
            const floor = w ? Math.max(w.safetyStock, w.displayMin) : 0;
            const giveable = w ? Math.max(0, w.onHand - w.reserved - floor - ownCover) : 0;
            expect(units).toBeLessThanOrEqual(giveable);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("groupBySupplier", () => {
  it("groups lines by supplier with their units", () => {
    const rows = [
      row("a", { unitsSold: 30 }),
      row("b", { unitsSold: 30 }),
      row("w1", { onHand: 10 }),
      row("w2", { onHand: 100 }),
    ];
    const groups = groupBySupplier(suggestReplenishment(rows, options({ a: "w2", b: "w1" })));
    expect(
      groups.map((g) => [g.supplierNodeId, g.units, g.suggestions.map((s) => s.nodeId)]),
    ).toEqual([
      ["w1", 10, ["b"]],
      ["w2", 28, ["a"]],
    ]);
  });
});

describe("replenishmentCsv", () => {
  const line = (extra: Partial<ReplenishmentSuggestion> = {}): ReplenishmentSuggestion => ({
    supplierNodeId: "wh",
    nodeId: "st",
    skuId: "s",
    need: 20,
    quantity: 15,
    shortfall: 5,
    available: 3,
    inbound: 5,
    unitsSold: 30,
    daysOfCover: { kind: "DAYS", days: 8 },
    ...extra,
  });

  it("writes a header row and one CRLF line per suggestion", () => {
    expect(replenishmentCsv([line()])).toBe(
      "supplier,node,sku,quantity,need,shortfall,available,inbound,units_sold\r\n" +
        "wh,st,s,15,20,5,3,5,30\r\n",
    );
    expect(replenishmentCsv([])).toBe(
      "supplier,node,sku,quantity,need,shortfall,available,inbound,units_sold\r\n",
    );
  });

  it("writes labels, quoting commas, quotes and line breaks and neutralising formulas", () => {
    const names: Record<string, string> = {
      wh: 'WH "East", Shanghai',
      st: "=HYPERLINK(1)",
      s: "TEE\nWHITE",
    };
    const csv = replenishmentCsv([line()], {
      node: (id) => names[id] ?? id,
      sku: (id) => names[id] ?? id,
    });
    expect(csv.split("\r\n")[1]).toBe(
      `"WH ""East"", Shanghai",'=HYPERLINK(1),"TEE\nWHITE",15,20,5,3,5,30`,
    );
  });
});
