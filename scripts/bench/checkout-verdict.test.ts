import { describe, expect, it } from "vitest";
import {
  ledgerMismatches,
  oversoldUnits,
  problemsOf,
  type CheckoutChecks,
} from "./checkout-verdict";

describe("oversoldUnits", () => {
  it("sums units held beyond what is on hand", () => {
    expect(oversoldUnits([{ nodeId: "a", onHand: 5, reserved: 5 }])).toBe(0);
    expect(
      oversoldUnits([
        { nodeId: "a", onHand: 5, reserved: 7 },
        { nodeId: "b", onHand: 0, reserved: 1 },
        { nodeId: "c", onHand: 9, reserved: 2 },
      ]),
    ).toBe(3);
  });
});

describe("ledgerMismatches", () => {
  const before = [
    { nodeId: "a", onHand: 10, reserved: 2 },
    { nodeId: "b", onHand: 4, reserved: 0 },
  ];

  it("is empty when the movements account for every change", () => {
    const after = [
      { nodeId: "a", onHand: 10, reserved: 7 },
      { nodeId: "b", onHand: 4, reserved: 0 },
    ];
    expect(ledgerMismatches(before, after, [{ nodeId: "a", onHand: 0, reserved: 5 }])).toEqual([]);
  });

  it("names a node whose counters moved without movements, or the other way round", () => {
    const after = [
      { nodeId: "a", onHand: 10, reserved: 8 },
      { nodeId: "b", onHand: 4, reserved: 0 },
    ];
    const problems = ledgerMismatches(before, after, [
      { nodeId: "a", onHand: 0, reserved: 5 },
      { nodeId: "b", onHand: -1, reserved: 0 },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^a: .*reserved 2→8 \(movements 5\)/);
    expect(problems[1]).toMatch(/^b: onHand 4→4 \(movements -1\)/);
  });

  it("treats a level that appeared as starting from zero", () => {
    expect(
      ledgerMismatches(
        [],
        [{ nodeId: "n", onHand: 3, reserved: 1 }],
        [{ nodeId: "n", onHand: 3, reserved: 1 }],
      ),
    ).toEqual([]);
  });
});

describe("problemsOf", () => {
  const sound: CheckoutChecks = {
    successes: 99,
    expectedSuccesses: 99,
    oversold: 0,
    ledgerProblems: [],
    ordersPerShopper: Array.from({ length: 99 }, () => 1),
    heldUnits: 99,
    unitsPerOrder: 1,
  };

  it("finds nothing wrong with a sound run", () => {
    expect(problemsOf(sound)).toEqual([]);
  });

  it.each([
    [{ successes: 100 }, /100 orders placed, expected 99/],
    [{ oversold: 1 }, /1 units oversold/],
    [{ ledgerProblems: ["a: off"] }, /ledger: a: off/],
    [{ ordersPerShopper: [...sound.ordersPerShopper.slice(1), 2] }, /more than one order/],
    [
      { ordersPerShopper: sound.ordersPerShopper.slice(1) },
      /98 shoppers have orders, 99 succeeded/,
    ],
    [{ heldUnits: 98 }, /98 units held, 99 sold/],
  ] as const)("reports %o", (change, message) => {
    expect(problemsOf({ ...sound, ...change }).join("\n")).toMatch(message);
  });
});
