import { describe, expect, it } from "vitest";
import {
  channelNodeStock,
  matchesNodeFilter,
  nodeAvailable,
  poolAvailable,
  sellableFromNode,
  type NodeFilter,
  type NodeStock,
  type NodeTraits,
} from "./availability";

const traits = (nodeId: string, extra: Partial<NodeTraits> = {}): NodeTraits => ({
  nodeId,
  type: "STORE_DIRECT",
  city: "Shanghai",
  active: true,
  shipsExpress: false,
  offersPickup: true,
  offersSameCity: false,
  ...extra,
});

describe("nodeAvailable", () => {
  it.each([
    [{ onHand: 10, reserved: 0, safetyStock: 0 }, 10],
    [{ onHand: 10, reserved: 3, safetyStock: 2 }, 5],
    [{ onHand: 10, reserved: 8, safetyStock: 2 }, 0],
    // Safety stock raised above what is left: available is zero, never negative.
    [{ onHand: 10, reserved: 6, safetyStock: 7 }, 0],
    [{ onHand: 0, reserved: 0, safetyStock: 5 }, 0],
  ])("%j → %i", (level, expected) => {
    expect(nodeAvailable(level)).toBe(expected);
  });
});

describe("matchesNodeFilter", () => {
  const warehouse = traits("wh", {
    type: "CENTRAL_WAREHOUSE",
    shipsExpress: true,
    offersPickup: false,
  });
  it.each<[string, NodeTraits, NodeFilter, boolean]>([
    ["no filter", warehouse, {}, true],
    ["inactive never counts", traits("x", { active: false }), {}, false],
    ["ships express", warehouse, { shipsExpress: true }, true],
    ["store cannot ship", traits("s"), { shipsExpress: true }, false],
    ["city match", traits("s"), { city: "Shanghai" }, true],
    ["city mismatch", traits("s"), { city: "Beijing" }, false],
    ["type list", warehouse, { types: ["CENTRAL_WAREHOUSE", "REGIONAL_WAREHOUSE"] }, true],
    ["type list miss", traits("s"), { types: ["CENTRAL_WAREHOUSE"] }, false],
    ["node ids", traits("s"), { nodeIds: ["a", "s"] }, true],
    ["node ids miss", traits("s"), { nodeIds: ["a"] }, false],
    ["pickup stores in a city", traits("s"), { offersPickup: true, city: "Shanghai" }, true],
    ["same-city", traits("s"), { offersSameCity: true }, false],
  ])("%s", (_name, node, filter, expected) => {
    expect(matchesNodeFilter(node, filter)).toBe(expected);
  });
});

describe("poolAvailable", () => {
  const levels: NodeStock[] = [
    {
      node: traits("wh", {
        type: "CENTRAL_WAREHOUSE",
        shipsExpress: true,
        offersPickup: false,
        city: "Suzhou",
      }),
      onHand: 100,
      reserved: 10,
      safetyStock: 5,
    },
    { node: traits("s1"), onHand: 8, reserved: 1, safetyStock: 2 },
    { node: traits("s2", { city: "Beijing" }), onHand: 4, reserved: 0, safetyStock: 0 },
    { node: traits("s3", { active: false }), onHand: 50, reserved: 0, safetyStock: 0 },
    { node: traits("s4"), onHand: 3, reserved: 3, safetyStock: 1 },
  ];
  it.each<[string, NodeFilter, number]>([
    ["all active nodes", {}, 85 + 5 + 4],
    ["nodes that ship", { shipsExpress: true }, 85],
    ["pickup stores in Shanghai", { offersPickup: true, city: "Shanghai" }, 5],
    ["a city with no stock", { city: "Shenzhen" }, 0],
  ])("%s → %i", (_name, filter, expected) => {
    expect(poolAvailable(levels, filter)).toBe(expected);
  });
  it("is zero for no levels", () => {
    expect(poolAvailable([])).toBe(0);
  });
});

describe("channelNodeStock and sellableFromNode (the web's one availability rule)", () => {
  it.each([
    // onHand, reserved, safety, displayMin, channel ATS, protect → channel available, sellable
    [5, 0, 0, 0, 10, false, 5, 5],
    [5, 1, 1, 0, 10, false, 3, 3],
    // The channel's allocation caps what it may take from any one node.
    [5, 0, 0, 0, 2, false, 2, 2],
    [5, 0, 0, 0, 0, false, 0, 0],
    [5, 0, 0, 0, -3, false, 0, 0],
    // A store's shelf minimum is kept while display stock is protected…
    [3, 0, 0, 2, 10, true, 3, 1],
    // …so the store's single unit on the shelf is not sellable: "1 available" is never shown.
    [1, 0, 0, 1, 10, true, 1, 0],
    [2, 0, 1, 1, 10, true, 1, 0],
    // …and counted again once the rule no longer protects it.
    [1, 0, 0, 1, 10, false, 1, 1],
    // Safety stock and reservations come off first, the shelf minimum after, never below 0.
    [4, 2, 1, 3, 10, true, 1, 0],
    [10, 0, 0, 2, 4, true, 4, 2],
  ])(
    "onHand %i reserved %i safety %i displayMin %i ATS %i protect %s → %i / %i",
    (onHand, reserved, safetyStock, displayMin, ats, protect, available, sellable) => {
      const stock = channelNodeStock({ onHand, reserved, safetyStock, displayMin }, ats);
      expect(stock).toEqual({ available, displayMin });
      expect(sellableFromNode(stock, protect)).toBe(sellable);
    },
  );
});
