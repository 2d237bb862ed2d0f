import { describe, expect, it } from "vitest";
import { aisleStock } from "./aisle-stock";

const level = (id: string, onHand: number, reserved = 0, safetyStock = 0) => ({
  onHand,
  reserved,
  safetyStock,
  node: { id, code: id.toUpperCase() },
});

describe("aisleStock", () => {
  it("lists only the other nodes, deepest first, and counts this store apart", () => {
    const stock = aisleStock(
      [level("here", 9), level("a", 3), level("b", 7, 1), level("c", 2, 0, 2)],
      "here",
      6,
    );
    expect(stock.atThisStore).toBe(9);
    expect(stock.elsewhere).toBe(3 + 6);
    expect(stock.otherNodes.map((n) => [n.id, n.available])).toEqual([
      ["b", 6],
      ["a", 3],
    ]);
    expect(stock.otherNodes.some((n) => n.id === "here")).toBe(false);
  });

  it("keeps at most the given number of other nodes and none when only the store has stock", () => {
    const many = aisleStock(
      [level("here", 1), ...Array.from({ length: 8 }, (_, i) => level(`n${i}`, i + 1))],
      "here",
      6,
    );
    expect(many.otherNodes).toHaveLength(6);
    expect(many.elsewhere).toBe(36);
    expect(aisleStock([level("here", 4)], "here", 6)).toEqual({
      atThisStore: 4,
      elsewhere: 0,
      otherNodes: [],
    });
  });
});
