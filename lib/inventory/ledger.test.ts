import { describe, expect, it } from "vitest";
import { findLedgerMismatches } from "./ledger";

const level = (onHand: number, reserved: number, inbound = 0) => ({
  nodeId: "n",
  skuId: "s",
  onHand,
  reserved,
  inbound,
});

describe("findLedgerMismatches", () => {
  it("finds nothing when levels, movements and holds agree", () => {
    expect(
      findLedgerMismatches(
        [level(10, 3, 4)],
        [level(10, 3, 4)],
        [{ nodeId: "n", skuId: "s", quantity: 3 }],
      ),
    ).toEqual([]);
  });
  it.each([
    ["onHand", level(9, 0), level(10, 0), [], [{ field: "onHand", level: 9, expected: 10 }]],
    [
      "reserved vs ledger",
      level(10, 2),
      level(10, 3),
      [{ nodeId: "n", skuId: "s", quantity: 2 }],
      [{ field: "reserved", level: 2, expected: 3 }],
    ],
    [
      "reserved vs holds",
      level(10, 2),
      level(10, 2),
      [],
      [{ field: "reservedVsHolds", level: 2, expected: 0 }],
    ],
    [
      "inbound",
      level(10, 0, 5),
      level(10, 0, 0),
      [],
      [{ field: "inbound", level: 5, expected: 0 }],
    ],
  ] as const)("%s", (_name, have, sums, holds, expected) => {
    expect(findLedgerMismatches([have], [sums], holds)).toEqual(
      expected.map((m) => ({ nodeId: "n", skuId: "s", ...m })),
    );
  });
  it("treats movements without a level as a level of zeros", () => {
    expect(
      findLedgerMismatches(
        [],
        [{ nodeId: "n2", skuId: "s", onHand: 4, reserved: 0, inbound: 0 }],
        [],
      ),
    ).toEqual([{ nodeId: "n2", skuId: "s", field: "onHand", level: 0, expected: 4 }]);
  });
});
