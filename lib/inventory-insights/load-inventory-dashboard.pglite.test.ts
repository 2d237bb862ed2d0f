import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld } from "@/lib/reservations/test-world";
import { loadInventoryDashboard } from "./load-inventory-dashboard.server";

const DAY_MS = 86_400_000;

// The pool dashboard read end to end on the embedded PGlite: units sold from the SALE ledger
// inside the window only, the alerts, and the filters (city, node, SKU search with LIKE's
// wildcards taken literally). Each world has its own cities and SKU codes, so worlds that share
// the database never meet in a filter.
describe("loadInventoryDashboard on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");

  /**
   * Two stores (a, b) in one city and a third (c) in another. tee: a 10, b 2 all safety stock,
   * c 7; cap: a 50 never sold, b 8. SKU codes carry LIKE's wildcards: cap is `CAP%50-…`, tee
   * `TOP-x50-…` (which an unescaped `%P%5%` would also match).
   */
  async function dashboardWorld(client: PrismaClient, now: Date) {
    const w = await createWorld(client, {
      nodes: ["a", "b", "c"],
      channels: {},
      skus: {
        tee: { stock: { a: 10, b: { onHand: 2, safetyStock: 2 }, c: 7 } },
        cap: { stock: { a: 50, b: 8 } },
      },
      tierRule: { threshold: 20, strategy: "PRIORITY" },
    });
    const token = w.node("a").split("_").pop()!;
    const city = `Testville-${token}`;
    const other = `Elsewhere-${token}`;
    await client.node.updateMany({
      where: { id: { in: [w.node("a"), w.node("b")] } },
      data: { city },
    });
    await client.node.update({ where: { id: w.node("c") }, data: { city: other } });
    const codes = { tee: `TOP-x50-${token}`, cap: `CAP%50-${token}` };
    await client.sku.update({ where: { id: w.sku("tee") }, data: { skuCode: codes.tee } });
    await client.sku.update({ where: { id: w.sku("cap") }, data: { skuCode: codes.cap } });
    const sale = (node: string, sku: string, units: number, daysAgo: number) => ({
      nodeId: w.node(node),
      skuId: w.sku(sku),
      kind: "SALE" as const,
      onHandDelta: -units,
      reason: "test sale",
      documentType: "ORDER",
      documentId: `order-${token}-${node}-${sku}-${daysAgo}`,
      createdAt: new Date(now.getTime() - daysAgo * DAY_MS),
    });
    await client.stockMovement.createMany({
      data: [
        sale("a", "tee", 3, 2),
        sale("a", "tee", 1, 10),
        sale("a", "tee", 5, 40), // outside a 28-day window, inside 56 days
        sale("b", "tee", 3, 5),
        sale("b", "cap", 2, 20),
        sale("c", "tee", 6, 1),
        sale("a", "cap", 4, -1), // after `now`: never counted
      ],
    });
    return { w, city, other, codes };
  }

  const soldByRow = (rows: { nodeId: string; skuId: string; unitsSold: number }[]) =>
    Object.fromEntries(rows.map((r) => [`${r.nodeId}|${r.skuId}`, r.unitsSold]));

  it("counts the window's SALE movements per SKU and node, with stock-outs and slow movers", async () => {
    const now = new Date(Date.now() + 60_000);
    const { w, city } = await dashboardWorld(db(), now);
    const d = await loadInventoryDashboard(db(), { filter: { city }, windowDays: 28, now });
    const key = (node: string, sku: string) => `${w.node(node)}|${w.sku(sku)}`;
    expect(soldByRow(d.rows)).toEqual({
      [key("a", "tee")]: 4,
      [key("b", "tee")]: 3,
      [key("a", "cap")]: 0,
      [key("b", "cap")]: 2,
    });
    expect(d.total).toMatchObject({ onHand: 70, available: 68, unitsSold: 9, skuCount: 2 });
    expect(d.byCity.map((c) => c.key)).toEqual([city]);
    expect(d.byNode.map((n) => [n.key, n.onHand, n.unitsSold])).toEqual([
      [w.node("a"), 60, 4],
      [w.node("b"), 10, 5],
    ]);
    // Stock value at the style's list price (59 900 fen).
    expect(d.total.stockValue).toBe(70 * 59_900);

    // Sold 3 at b, all 2 units left are safety stock: a stock-out.
    expect(d.alerts.stockOuts).toEqual([
      expect.objectContaining({
        kind: "STOCK_OUT",
        nodeId: w.node("b"),
        skuId: w.sku("tee"),
        unitsSold: 3,
      }),
    ]);
    // cap at a never sold while in stock; cap at b has 8 × 28 / 2 = 112 days of supply.
    expect(d.alerts.slowMovers.map((a) => [a.nodeId, a.skuId, a.daysOfSupply])).toEqual([
      [w.node("a"), w.sku("cap"), { kind: "NO_SALES" }],
      [w.node("b"), w.sku("cap"), { kind: "DAYS", days: 112 }],
    ]);
    // tee's pool counts every active node, c included: 10 + 0 + 7 = 17 < 20.
    expect(d.alerts.belowTier).toEqual([
      {
        kind: "BELOW_TIER",
        nodeId: null,
        skuId: w.sku("tee"),
        poolAvailable: 17,
        threshold: 20,
        shortfall: 3,
      },
    ]);
    expect(d.labels.nodes[w.node("a")]).toMatchObject({ code: w.node("a"), city });
    expect(d.sellThroughWeeks).toHaveLength(12);
    expect(d.sellThroughWeeks.reduce((sum, p) => sum + p.sold, 0)).toBe(3 + 1 + 5 + 3 + 2);
  });

  it("leaves a sale outside the window out, and counts it in a window that reaches it", async () => {
    const now = new Date(Date.now() + 60_000);
    const { w, city } = await dashboardWorld(db(), now);
    const filter = { city, nodeId: w.node("a") };
    const short = await loadInventoryDashboard(db(), { filter, windowDays: 7, now });
    const long = await loadInventoryDashboard(db(), { filter, windowDays: 56, now });
    const tee = (rows: typeof short.rows) => rows.find((r) => r.skuId === w.sku("tee"))?.unitsSold;
    expect(tee(short.rows)).toBe(3);
    expect(tee(long.rows)).toBe(9);
  });

  it("filters by city and by node", async () => {
    const now = new Date(Date.now() + 60_000);
    const { w, other } = await dashboardWorld(db(), now);
    const elsewhere = await loadInventoryDashboard(db(), {
      filter: { city: other },
      windowDays: 28,
      now,
    });
    expect(elsewhere.rows.map((r) => [r.nodeId, r.skuId, r.unitsSold])).toEqual([
      [w.node("c"), w.sku("tee"), 6],
    ]);
    const atB = await loadInventoryDashboard(db(), {
      filter: { nodeId: w.node("b") },
      windowDays: 28,
      now,
    });
    expect(atB.rows.map((r) => r.skuId).sort()).toEqual([w.sku("cap"), w.sku("tee")].sort());
    expect(atB.byNode.map((n) => n.key)).toEqual([w.node("b")]);
  });

  it("searches SKU codes case-insensitively with % matched literally", async () => {
    const now = new Date(Date.now() + 60_000);
    const { w, city, codes } = await dashboardWorld(db(), now);
    const search = async (skuQuery: string) =>
      (
        await loadInventoryDashboard(db(), { filter: { city, skuQuery }, windowDays: 28, now })
      ).rows.map((r) => `${r.nodeId}|${r.skuCode}`);
    expect(await search("p%5")).toEqual([
      `${w.node("a")}|${codes.cap}`,
      `${w.node("b")}|${codes.cap}`,
    ]);
    expect(await search("TOP-X50")).toEqual([
      `${w.node("a")}|${codes.tee}`,
      `${w.node("b")}|${codes.tee}`,
    ]);
    expect(await search("P_5")).toEqual([]);
    expect(await search("nothing-like-this")).toEqual([]);
  });
});
