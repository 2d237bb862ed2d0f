import { describe, expect, it } from "vitest";
import type { CandidateNode } from "@/lib/routing/types";
import {
  bundleShortfall,
  gatedUnits,
  splitPresale,
  stockSkuIds,
  withBundleStock,
} from "./order-lines";

function node(id: string, stock: Record<string, number>): CandidateNode {
  return {
    id,
    code: id,
    name: id,
    type: "STORE_DIRECT",
    lat: 31.23,
    lng: 121.47,
    shipsExpress: true,
    offersPickup: true,
    offersSameCity: false,
    sameCityRadiusKm: 0,
    dailyCapacity: 100,
    shipmentsToday: 0,
    costPerShipment: 800,
    costPerKm: 0,
    stock: Object.fromEntries(
      Object.entries(stock).map(([sku, available]) => [
        sku,
        { available, displayMin: 0, onHand: available },
      ]),
    ),
  };
}

const kinds = {
  bundles: new Map([
    [
      "kit",
      [
        { componentSkuId: "shoe", quantity: 1 },
        { componentSkuId: "sock", quantity: 2 },
      ],
    ],
  ]),
  presale: new Set(["pre"]),
};

describe("order lines: bundles and presale", () => {
  it("sets presale lines apart and asks routing for components instead of bundles", () => {
    const lines = [
      { skuId: "kit", quantity: 1 },
      { skuId: "pre", quantity: 2 },
      { skuId: "tee", quantity: 1 },
    ];
    const { routed, presale } = splitPresale(lines, kinds);
    expect(presale).toEqual([{ skuId: "pre", quantity: 2 }]);
    expect(routed.map((l) => l.skuId)).toEqual(["kit", "tee"]);
    expect(stockSkuIds(routed, kinds).sort()).toEqual(["shoe", "sock", "tee"]);
  });

  it("a node offers only the whole bundles it can fill alone", () => {
    const [a, b, c] = withBundleStock(
      [node("a", { shoe: 10, sock: 1 }), node("b", { shoe: 3, sock: 8 }), node("c", {})],
      kinds.bundles,
    );
    expect(a?.stock.kit?.available).toBe(0);
    expect(b?.stock.kit?.available).toBe(3);
    expect(c?.stock.kit?.available).toBe(0);
    expect(b?.stock.shoe?.available).toBe(3);
  });

  it("names the first component the channel lacks anywhere, with what there is", () => {
    const nodes = [node("a", { shoe: 10, sock: 1 }), node("b", { shoe: 3, sock: 2 })];
    expect(bundleShortfall([{ skuId: "kit", quantity: 1 }], kinds, nodes)).toBeNull();
    expect(bundleShortfall([{ skuId: "kit", quantity: 2 }], kinds, nodes)).toEqual({
      bundleSkuId: "kit",
      componentSkuId: "sock",
      requested: 4,
      available: 3,
    });
    expect(bundleShortfall([{ skuId: "tee", quantity: 99 }], kinds, nodes)).toBeNull();
  });
});

describe("order lines: what the Redis stock gate counts", () => {
  it("sums plain lines per SKU and leaves bundles and presale to the database", () => {
    const lines = [
      { skuId: "shoe", quantity: 1 },
      { skuId: "kit", quantity: 1 },
      { skuId: "pre", quantity: 3 },
      { skuId: "shoe", quantity: 2 },
      { skuId: "sock", quantity: 1 },
    ];
    expect([...gatedUnits(lines, kinds)]).toEqual([
      ["shoe", 3],
      ["sock", 1],
    ]);
  });

  it("counts nothing for an order of bundles and presale only", () => {
    expect(
      gatedUnits(
        [
          { skuId: "kit", quantity: 2 },
          { skuId: "pre", quantity: 1 },
        ],
        kinds,
      ).size,
    ).toBe(0);
  });
});
