import { beforeAll, describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { loadReplenishment, loadTransferSuggestions, supplierMap } from "./load-suggestions.server";
import { createSuggestionWorld, type SuggestionWorld } from "./testing/suggestion-world";

const NOW = new Date();

describe("suggestion loaders on a small brand", () => {
  const db = useMigratedDatabase("pglite");
  let world: SuggestionWorld;
  beforeAll(async () => {
    world = await createSuggestionWorld(db(), NOW);
    // A second world in the same database: the filter must keep it out of every figure.
    await createSuggestionWorld(db(), NOW);
  });
  const filter = () => ({ skuQuery: world.suffix });
  const transfers = (options: { targetDays?: number; slowThresholdDays?: number } = {}) =>
    loadTransferSuggestions(db(), { filter: filter(), windowDays: 28, now: NOW, ...options });

  it("moves slow stock to the selling stores, same city first, keeping the source's floor", async () => {
    const { suggestions, labels } = await transfers();
    expect(suggestions).toEqual([
      {
        skuId: world.sku("tee"),
        fromNodeId: world.node("sh1"),
        toNodeId: world.node("bj1"),
        quantity: 13,
        sameCity: false,
        fromCity: "Shanghai",
        toCity: "Beijing",
        fromGiveable: 26,
        toNeed: 40,
        fromDaysOfSupply: { kind: "NO_SALES" },
        toDaysOfSupply: { kind: "DAYS", days: 1 },
      },
      {
        skuId: world.sku("tee"),
        fromNodeId: world.node("sh1"),
        toNodeId: world.node("sh2"),
        quantity: 13,
        sameCity: true,
        fromCity: "Shanghai",
        toCity: "Shanghai",
        fromGiveable: 26,
        // 21 days at 1 a day, less 5 available and 3 inbound.
        toNeed: 13,
        fromDaysOfSupply: { kind: "NO_SALES" },
        toDaysOfSupply: { kind: "DAYS", days: 5 },
      },
    ]);
    // 30 on hand, the shelf minimum (4) above the safety stock (2) stays: 26 given in all.
    expect(suggestions.reduce((sum, s) => sum + s.quantity, 0)).toBe(30 - 4);
    expect(labels.nodes[world.node("sh1")]).toEqual({
      code: world.code("sh1"),
      name: "sh1",
      nameZh: "sh1",
      city: "Shanghai",
      cityZh: "上海",
    });
    expect(labels.skus[world.sku("tee")]).toMatchObject({
      skuCode: world.sku("tee"),
      productName: "Runner",
      productNameZh: "跑鞋",
    });
  });

  it("keeps the safety stock when it is above the shelf minimum", async () => {
    const at = { nodeId: world.node("sh1"), skuId: world.sku("tee") };
    await db().stockLevel.update({ where: { nodeId_skuId: at }, data: { safetyStock: 10 } });
    try {
      const { suggestions } = await transfers();
      expect(suggestions.map((s) => [s.toNodeId, s.quantity, s.fromGiveable])).toEqual([
        [world.node("bj1"), 7, 20],
        [world.node("sh2"), 13, 20],
      ]);
    } finally {
      await db().stockLevel.update({ where: { nodeId_skuId: at }, data: { safetyStock: 2 } });
    }
  });

  it("gives nothing from stock that is all reserved, and never from franchise stores", async () => {
    const { suggestions } = await transfers();
    expect(suggestions.filter((s) => s.skuId === world.sku("cap"))).toEqual([]);
    const parties = suggestions.flatMap((s) => [s.fromNodeId, s.toNodeId]);
    for (const other of ["fr1", "cw", "rwbj"]) expect(parties).not.toContain(world.node(other));
  });

  it("brings destinations only up to the target and filters by category", async () => {
    const { suggestions } = await transfers({ targetDays: 7, slowThresholdDays: 7 });
    // sh2: 7 days at 1 a day is covered by 5 + 3 inbound; bj1: 14 − 2.
    expect(suggestions.map((s) => [s.toNodeId, s.quantity])).toEqual([[world.node("bj1"), 12]]);
    const other = await loadTransferSuggestions(db(), {
      filter: { ...filter(), categoryId: "no-such-category" },
      windowDays: 28,
      now: NOW,
    });
    expect(other.suggestions).toEqual([]);
  });

  it("replenishes selling stores from the warehouse serving their city, else the central one", async () => {
    const { groups, labels } = await loadReplenishment(db(), {
      filter: filter(),
      windowDays: 28,
      now: NOW,
    });
    expect(groups.map((g) => [g.supplierNodeId, g.units])).toEqual([
      [world.node("cw"), 16],
      [world.node("rwbj"), 10],
    ]);
    expect(groups[0]!.suggestions).toEqual([
      {
        supplierNodeId: world.node("cw"),
        nodeId: world.node("sh2"),
        skuId: world.sku("cap"),
        // 24 days (3 lead + 21) at 1 a day, nothing available: the warehouse holds none.
        need: 24,
        quantity: 0,
        shortfall: 24,
        available: 0,
        inbound: 0,
        unitsSold: 28,
        daysOfCover: { kind: "DAYS", days: 0 },
      },
      {
        supplierNodeId: world.node("cw"),
        nodeId: world.node("sh2"),
        skuId: world.sku("tee"),
        need: 16,
        quantity: 16,
        shortfall: 0,
        available: 5,
        inbound: 3,
        unitsSold: 28,
        daysOfCover: { kind: "DAYS", days: 8 },
      },
    ]);
    expect(groups[1]!.suggestions).toEqual([
      {
        supplierNodeId: world.node("rwbj"),
        nodeId: world.node("bj1"),
        skuId: world.sku("tee"),
        need: 46,
        quantity: 10,
        shortfall: 36,
        available: 2,
        inbound: 0,
        unitsSold: 56,
        daysOfCover: { kind: "DAYS", days: 1 },
      },
    ]);
    expect(labels.nodes[world.node("rwbj")]).toMatchObject({ city: "Beijing", cityZh: "北京" });
  });

  it("replenishes no store without sales in the window, and counts sales by the window", async () => {
    const lines = async (windowDays: number) =>
      (await loadReplenishment(db(), { filter: filter(), windowDays, now: NOW })).groups.flatMap(
        (g) => g.suggestions,
      );
    const inWindow = await lines(28);
    // sh1's 100 units were sold 40 days ago; the franchise store is not the brand's to refill.
    expect(inWindow.map((s) => s.nodeId)).not.toContain(world.node("sh1"));
    expect(inWindow.map((s) => s.nodeId)).not.toContain(world.node("fr1"));
    const longer = await lines(56);
    // ⌈100 × 24 ÷ 56⌉ = 43, less 28 available.
    expect(longer.find((s) => s.nodeId === world.node("sh1"))).toMatchObject({
      need: 15,
      unitsSold: 100,
    });
  });

  it("takes the lead time into the need", async () => {
    const { groups } = await loadReplenishment(db(), {
      filter: filter(),
      windowDays: 28,
      leadTimeDays: 0,
      targetDays: 7,
      now: NOW,
    });
    // sh2 tee: 7 − 8 covered; cap: 7; bj1: 14 − 2.
    expect(
      groups.flatMap((g) => g.suggestions.map((s) => [s.nodeId, s.skuId, s.need, s.quantity])),
    ).toEqual([
      [world.node("sh2"), world.sku("cap"), 7, 0],
      [world.node("bj1"), world.sku("tee"), 12, 10],
    ]);
  });
});

describe("supplierMap", () => {
  const node = (nodeId: string, nodeType: string, city: string) =>
    ({ nodeId, nodeCode: nodeId.toUpperCase(), nodeType, city }) as Parameters<
      typeof supplierMap
    >[0][number];

  it("picks the regional warehouse in the store's city, else a warehouse there, else the central one", () => {
    const map = supplierMap([
      node("cw-b", "CENTRAL_WAREHOUSE", "Hangzhou"),
      node("cw-a", "CENTRAL_WAREHOUSE", "Shenzhen"),
      node("rw-sh", "REGIONAL_WAREHOUSE", "Shanghai"),
      node("sh", "STORE_DIRECT", "Shanghai"),
      node("hz", "STORE_DIRECT", "Hangzhou"),
      node("cd", "STORE_DIRECT", "Chengdu"),
      node("fr", "STORE_FRANCHISE", "Shanghai"),
    ]);
    expect(Object.fromEntries(map)).toEqual({
      sh: "rw-sh",
      hz: "cw-b",
      // No warehouse in Chengdu: the central warehouse with the lowest code.
      cd: "cw-a",
    });
  });

  it("maps nothing without a warehouse", () => {
    expect(supplierMap([node("sh", "STORE_DIRECT", "Shanghai")]).size).toBe(0);
  });
});
