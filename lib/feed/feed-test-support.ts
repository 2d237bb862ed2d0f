import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createWorld, type World } from "@/lib/reservations/test-world";

// Test support for the feed: a small world with a shared, a quota and a non-selling channel,
// and readers that turn the feed tables into plain maps for comparisons.

/** web: SHARED; jd: RATIO 30 %; emp: no policy (sells nothing). `tee` is plentiful, `cap` scarce. */
export function createFeedWorld(db: PrismaClient): Promise<World> {
  return createWorld(db, {
    nodes: ["n1"],
    channels: {
      web: { priority: 1, policy: { mode: "SHARED" } },
      jd: { priority: 2, policy: { mode: "RATIO", ratioBps: 3000 } },
      emp: { priority: 3, policy: null },
    },
    skus: { tee: { stock: { n1: 100 } }, cap: { stock: { n1: 10 } } },
    bundles: { kit: { tee: 1, cap: 2 } },
    tierRule: { threshold: 50, strategy: "POLICY" },
  });
}

/** "channelId/skuId" → ATS, as published in ChannelAts for the SKUs. */
export async function publishedAts(db: PrismaClient, skuIds: readonly string[]) {
  const rows = await db.channelAts.findMany({ where: { skuId: { in: [...skuIds] } } });
  return new Map(rows.map((r) => [`${r.channelId}/${r.skuId}`, r.ats]));
}

/** The same map computed now from stock and policy: what the feed must converge to. */
export async function expectedAts(db: PrismaClient, skuIds: readonly string[]) {
  const skus = await computeChannelAts(db, { skuIds });
  return new Map(
    skus.flatMap((s) =>
      s.channels.filter((c) => c.listed).map((c) => [`${c.channelId}/${s.skuId}`, c.ats] as const),
    ),
  );
}

/** Feed events of the SKUs after an event id, as "channelId/skuId" → [ats, cause]. */
export async function eventsAfter(db: PrismaClient, skuIds: readonly string[], afterId: number) {
  const rows = await db.channelFeedEvent.findMany({
    where: { skuId: { in: [...skuIds] }, id: { gt: afterId } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({
    pair: `${r.channelId}/${r.skuId}`,
    ats: r.ats,
    cause: r.cause,
    id: r.id,
  }));
}

/** The last feed event id, 0 when none. */
export async function lastEventId(db: PrismaClient): Promise<number> {
  const last = await db.channelFeedEvent.findFirst({ orderBy: { id: "desc" } });
  return last?.id ?? 0;
}

/** The pairs whose value differs between two maps (absent counting as 0), with the new value. */
export function changedPairs(before: Map<string, number>, after: Map<string, number>) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return new Map(
    [...keys]
      .filter((k) => (before.get(k) ?? 0) !== (after.get(k) ?? 0))
      .map((k) => [k, after.get(k) ?? 0] as const),
  );
}
