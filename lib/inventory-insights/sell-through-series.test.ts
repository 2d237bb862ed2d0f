import { describe, expect, it } from "vitest";
import { addDays, sellThroughSeries } from "./sell-through-series";

describe("addDays", () => {
  it("crosses months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("sellThroughSeries", () => {
  it("walks onHand back from today through each day's net change", () => {
    // Today 10 on hand. Day 12-04: sold 4 (−4). Day 12-02: received 6 (+6), sold 2 (−2).
    const flow = [
      { day: "2026-12-02", sold: 2, onHandDelta: 4 },
      { day: "2026-12-04", sold: 4, onHandDelta: -4 },
    ];
    const points = sellThroughSeries(flow, {
      currentOnHand: 10,
      lastDay: "2026-12-04",
      periods: 3,
      periodDays: 1,
    });
    expect(points).toEqual([
      { start: "2026-12-02", sold: 2, onHandEnd: 14, sellThrough: 2 / 16 },
      { start: "2026-12-03", sold: 0, onHandEnd: 14, sellThrough: 0 },
      { start: "2026-12-04", sold: 4, onHandEnd: 10, sellThrough: 4 / 14 },
    ]);
  });

  it("sums whole periods, oldest first", () => {
    const flow = [
      { day: "2026-11-27", sold: 3, onHandDelta: -3 },
      { day: "2026-12-01", sold: 5, onHandDelta: -5 },
    ];
    const points = sellThroughSeries(flow, {
      currentOnHand: 0,
      lastDay: "2026-12-03",
      periods: 2,
      periodDays: 7,
    });
    expect(points.map((p) => p.start)).toEqual(["2026-11-20", "2026-11-27"]);
    expect(points[1]).toEqual({ start: "2026-11-27", sold: 8, onHandEnd: 0, sellThrough: 1 });
    expect(points[0]).toEqual({ start: "2026-11-20", sold: 0, onHandEnd: 8, sellThrough: 0 });
  });

  it("no sales and no stock is null, not NaN", () => {
    const [point] = sellThroughSeries([], {
      currentOnHand: 0,
      lastDay: "2026-12-04",
      periods: 1,
      periodDays: 7,
    });
    expect(point!.sellThrough).toBeNull();
  });

  it("ignores movements after the last day when summing, but walks back through them", () => {
    const flow = [{ day: "2026-12-05", sold: 1, onHandDelta: -1 }];
    const [point] = sellThroughSeries(flow, {
      currentOnHand: 9,
      lastDay: "2026-12-04",
      periods: 1,
      periodDays: 1,
    });
    expect(point).toEqual({ start: "2026-12-04", sold: 0, onHandEnd: 10, sellThrough: 0 });
  });

  it("a ledger slip that would make onHand negative shows 0", () => {
    const [point] = sellThroughSeries([{ day: "2026-12-04", sold: 0, onHandDelta: 50 }], {
      currentOnHand: 10,
      lastDay: "2026-12-04",
      periods: 2,
      periodDays: 1,
    });
    expect(point!.onHandEnd).toBe(0);
  });

  it("refuses bad shapes", () => {
    const opts = { currentOnHand: 1, lastDay: "2026-12-04", periods: 1, periodDays: 1 };
    expect(() => sellThroughSeries([], { ...opts, periods: 0 })).toThrow(RangeError);
    expect(() => sellThroughSeries([], { ...opts, periodDays: 1.5 })).toThrow(RangeError);
    expect(() => sellThroughSeries([], { ...opts, currentOnHand: -1 })).toThrow(RangeError);
  });
});
