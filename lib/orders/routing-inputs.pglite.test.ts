import { beforeAll, describe, expect, it } from "vitest";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { capacityDayOf } from "@/lib/capacity/capacity-day";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { channelNodeStock } from "@/lib/inventory/availability";
import { createWorld, type World } from "@/lib/reservations/test-world";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { loadRoutingInputs } from "./routing-inputs.server";

// Routing's facts come from one statement; these tests hold it to what the tables say, read one
// table at a time: inactive nodes left out, today's loads only, shelf minimums, the channel's
// share of each node, every rule in position order.

const NOW = new Date("2026-03-10T04:00:00Z");

/** The same facts read the plain way, one model read per table. */
async function readOneByOne(db: PrismaClient, channelId: string, skuIds: string[]) {
  const ats = await computeChannelAts(db, { skuIds });
  const nodes = await db.node.findMany({ where: { active: true }, orderBy: { code: "asc" } });
  const levels = await db.stockLevel.findMany({ where: { skuId: { in: skuIds } } });
  const loads = await db.nodeDayLoad.findMany({ where: { day: capacityDayOf(NOW) } });
  const rules = await db.routingRule.findMany({ orderBy: { position: "asc" } });
  const atsOf = (skuId: string) =>
    ats.find((s) => s.skuId === skuId)?.channels.find((c) => c.channelId === channelId)?.ats ?? 0;
  return {
    candidates: nodes.map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      type: n.type,
      lat: n.latitude,
      lng: n.longitude,
      shipsExpress: n.shipsExpress,
      offersPickup: n.offersPickup,
      offersSameCity: n.offersSameCity,
      sameCityRadiusKm: n.sameCityRadiusKm,
      dailyCapacity: n.dailyCapacity,
      shipmentsToday: loads.find((l) => l.nodeId === n.id)?.used ?? 0,
      costPerShipment: n.costPerShipment,
      costPerKm: n.costPerKm,
      stock: Object.fromEntries(
        levels
          .filter((l) => l.nodeId === n.id)
          .map((l) => [l.skuId, { ...channelNodeStock(l, atsOf(l.skuId)), onHand: l.onHand }]),
      ),
    })),
    rules: rules.map(({ updatedAt: _, ...rule }) => rule),
  };
}

describe("loadRoutingInputs (PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  let w: World;
  beforeAll(async () => {
    w = await createWorld(db(), {
      nodes: ["a", "b"],
      inactiveNodes: ["c"],
      channels: {
        web: { priority: 2, policy: { mode: "RATIO", ratioBps: 5000 } },
        app: { priority: 1, policy: { mode: "SHARED" } },
      },
      skus: {
        tee: { stock: { a: 10, b: 4, c: 7 } },
        cap: { stock: { b: 3 } },
        kit: {},
      },
      bundles: { kit: { tee: 1, cap: 1 } },
    });
    await db().stockLevel.updateMany({
      where: { nodeId: w.node("a"), skuId: w.sku("tee") },
      data: { displayMin: 2, safetyStock: 1 },
    });
    await reserveStock(db(), {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: w.node("b"),
      quantity: 2,
      kind: "CHECKOUT_HOLD",
      now: NOW,
    });
    await db().nodeDayLoad.createMany({
      data: [
        { nodeId: w.node("a"), day: capacityDayOf(NOW), used: 7 },
        { nodeId: w.node("b"), day: "2026-03-09", used: 40 },
      ],
    });
    await db().routingRule.createMany({
      data: [
        { kind: "NEAREST", mode: "SCORE", weight: 0.5, position: 2, params: { maxKm: 30 } },
        { kind: "CAPACITY", mode: "FILTER", method: "PICKUP", position: 1, enabled: false },
      ],
    });
  });

  it("reads what the tables say, one table at a time", async () => {
    const skuIds = [w.sku("tee"), w.sku("cap")];
    const inputs = await loadRoutingInputs(db(), {
      channelId: w.channel("web"),
      skuIds,
      now: NOW,
    });
    expect(inputs).toEqual(await readOneByOne(db(), w.channel("web"), skuIds));
    const a = inputs.candidates.find((c) => c.id === w.node("a"));
    expect(a?.shipmentsToday).toBe(7);
    expect(a?.stock[w.sku("tee")]?.displayMin).toBe(2);
    expect(inputs.candidates.map((c) => c.id)).not.toContain(w.node("c"));
    expect(inputs.candidates.find((c) => c.id === w.node("b"))?.shipmentsToday).toBe(0);
    expect(inputs.rules.map((r) => [r.kind, r.position, r.enabled])).toEqual([
      ["CAPACITY", 1, false],
      ["NEAREST", 2, true],
    ]);
  });

  it("gives a bundle's components their stock, and no stock to the bundle itself", async () => {
    const skuIds = [w.sku("tee"), w.sku("cap"), w.sku("kit")];
    const inputs = await loadRoutingInputs(db(), {
      channelId: w.channel("app"),
      skuIds,
      now: NOW,
    });
    expect(inputs).toEqual(await readOneByOne(db(), w.channel("app"), skuIds));
  });

  it("refuses an empty list of SKUs", async () => {
    await expect(
      loadRoutingInputs(db(), { channelId: w.channel("web"), skuIds: [], now: NOW }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
