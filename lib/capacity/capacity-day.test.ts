import { describe, expect, it } from "vitest";
import { capacityDayOf, countPerNode } from "./capacity-day";

describe("capacityDayOf", () => {
  it("counts by the Shanghai day, which starts at 16:00 UTC the day before", () => {
    expect(capacityDayOf(new Date("2026-12-04T15:59:59.999Z"))).toBe("2026-12-04");
    expect(capacityDayOf(new Date("2026-12-04T16:00:00.000Z"))).toBe("2026-12-05");
    expect(capacityDayOf(new Date("2026-12-31T17:00:00.000Z"))).toBe("2027-01-01");
  });
});

describe("countPerNode", () => {
  it("counts each node's fulfilment orders, in node order", () => {
    expect(countPerNode(["n2", "n1", "n2"])).toEqual([
      ["n1", 1],
      ["n2", 2],
    ]);
    expect(countPerNode([])).toEqual([]);
  });
});
