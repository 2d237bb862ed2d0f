import { describe, expect, it } from "vitest";
import {
  chooseBestNode,
  chooseBundleNodes,
  eligibleOptions,
  rankNodes,
  type NodeOption,
} from "./choose-node";

const options: NodeOption[] = [
  { nodeId: "b", available: 5 },
  { nodeId: "a", available: 5 },
  { nodeId: "c", available: 9 },
  { nodeId: "d", available: 1 },
];

describe("chooseBestNode", () => {
  it.each([
    [1, "c"],
    [9, "c"],
    [10, null],
  ])("quantity %i → %s", (q, expected) => {
    expect(chooseBestNode(options, q)).toBe(expected);
  });
  it("ranks deep nodes first and breaks ties by node id", () => {
    expect(rankNodes(options, 2).map((o) => o.nodeId)).toEqual(["c", "a", "b"]);
  });
  it("restricts best to candidates, and a named node to itself", () => {
    expect(eligibleOptions(options, "best", ["a", "d"]).map((o) => o.nodeId)).toEqual(["a", "d"]);
    expect(eligibleOptions(options, "b").map((o) => o.nodeId)).toEqual(["b"]);
    expect(eligibleOptions(options, "best")).toHaveLength(4);
  });
});

describe("chooseBundleNodes", () => {
  it("prefers one node that has every component, the deepest in bundle units", () => {
    const plan = chooseBundleNodes([
      {
        skuId: "shoe",
        quantity: 1,
        options: [
          { nodeId: "wh", available: 50 },
          { nodeId: "s1", available: 4 },
          { nodeId: "s2", available: 3 },
        ],
      },
      {
        skuId: "sock",
        quantity: 2,
        options: [
          { nodeId: "s1", available: 4 },
          { nodeId: "s2", available: 10 },
        ],
      },
    ]);
    expect(Object.fromEntries(plan ?? [])).toEqual({ shoe: "s2", sock: "s2" });
  });
  it("falls back to each component's deepest node", () => {
    const plan = chooseBundleNodes([
      { skuId: "shoe", quantity: 1, options: [{ nodeId: "wh", available: 50 }] },
      {
        skuId: "sock",
        quantity: 2,
        options: [
          { nodeId: "s1", available: 4 },
          { nodeId: "wh", available: 1 },
        ],
      },
    ]);
    expect(Object.fromEntries(plan ?? [])).toEqual({ shoe: "wh", sock: "s1" });
  });
  it("gives up when a component cannot be filled from one node", () => {
    expect(
      chooseBundleNodes([
        {
          skuId: "sock",
          quantity: 5,
          options: [
            { nodeId: "s1", available: 4 },
            { nodeId: "s2", available: 4 },
          ],
        },
      ]),
    ).toBeNull();
  });
});
