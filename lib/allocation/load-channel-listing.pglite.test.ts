import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld } from "@/lib/reservations/test-world";
import { computeChannelAts } from "./compute-channel-ats.server";
import { loadChannelListing } from "./load-channel-listing.server";

describe("loadChannelListing", () => {
  const db = useMigratedDatabase("pglite");

  it("says what computeChannelAts says a channel lists, for SKUs and bundles, without stock", async () => {
    const world = await createWorld(db(), {
      nodes: ["near"],
      channels: {
        web: { priority: 1, policy: { mode: "SHARED" } },
        outlet: {
          priority: 2,
          policy: null,
          skuPolicies: {
            tee: { mode: "FIXED", fixedQty: 3 },
            shoe: { mode: "FIXED", fixedQty: 0 },
          },
        },
        market: { priority: 3, policy: { mode: "RATIO", ratioBps: 0 } },
        closed: { priority: 4, policy: { mode: "SHARED" } },
      },
      skus: { tee: { stock: { near: 10 } }, shoe: { stock: { near: 4 } }, sock: {} },
      bundles: { kit: { tee: 1, shoe: 1 }, pair: { tee: 2 } },
    });
    await db().channel.update({ where: { id: world.channel("closed") }, data: { active: false } });
    const ats = await computeChannelAts(db(), { skuIds: world.skuIds });
    for (const channel of ["web", "outlet", "market", "closed"]) {
      const channelId = world.channel(channel);
      const listing = await loadChannelListing(db(), { channelId, skuIds: world.skuIds });
      const expected = ats.map((s) => [
        s.skuId,
        s.channels.some((c) => c.channelId === channelId && c.listed),
      ]);
      expect(
        world.skuIds.map((id) => [id, listing.get(id)?.listed]),
        channel,
      ).toEqual(expected);
    }
    const outlet = await loadChannelListing(db(), {
      channelId: world.channel("outlet"),
      skuIds: [world.sku("tee"), world.sku("kit"), world.sku("pair"), world.sku("sock")],
    });
    expect([...outlet].map(([id, l]) => [id, l.listed])).toEqual([
      [world.sku("tee"), true],
      [world.sku("kit"), false],
      [world.sku("pair"), true],
      [world.sku("sock"), false],
    ]);
    expect(outlet.get(world.sku("tee"))?.lifecycle).toBe("IN_SEASON");
  });

  it("leaves out unknown ids and asks nothing for none", async () => {
    const world = await createWorld(db(), {
      nodes: ["near"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: {} },
    });
    const channelId = world.channel("web");
    expect(await loadChannelListing(db(), { channelId, skuIds: [] })).toEqual(new Map());
    const listing = await loadChannelListing(db(), {
      channelId,
      skuIds: ["sku_missing", world.sku("tee")],
    });
    expect([...listing.keys()]).toEqual([world.sku("tee")]);
  });
});
