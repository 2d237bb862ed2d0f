import "server-only";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction.server";
import { diffAts, skusWhoseAtsRose, type AtsRow, type ComputedAts } from "./diff-ats";

/** Why a feed event was published. */
export type FeedCause = "stock" | "policy" | "rebuild";

/** What one publication changed; `rose`: SKUs some channel may now sell more of. */
export type PublishedCounts = { skus: number; events: number; rose?: string[] };

// computeChannelAts takes at most 5 000 ids; rows are written in slices that stay well below
// PostgreSQL's 65 535 bind parameters.
const SKU_CHUNK = 2_000;
const ROW_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The SKUs plus every bundle that contains one of them: a component's stock moves the bundle's ATS. */
async function withBundles(tx: Tx, skuIds: readonly string[]): Promise<string[]> {
  const all = new Set(skuIds);
  for (const part of chunks(skuIds, ROW_CHUNK)) {
    const bundles = await tx.bundleComponent.findMany({
      where: { componentSkuId: { in: part } },
      select: { bundleSkuId: true },
    });
    for (const b of bundles) all.add(b.bundleSkuId);
  }
  return [...all].sort();
}

async function computeRows(tx: Tx, skuIds: readonly string[]): Promise<ComputedAts[]> {
  const rows: ComputedAts[] = [];
  for (const part of chunks(skuIds, SKU_CHUNK)) {
    for (const sku of await computeChannelAts(tx, { skuIds: part })) {
      for (const c of sku.channels) {
        rows.push({ channelId: c.channelId, skuId: sku.skuId, ats: c.ats, listed: c.listed });
      }
    }
  }
  return rows;
}

async function writeDiff(tx: Tx, diff: ReturnType<typeof diffAts>, cause: FeedCause, now: Date) {
  for (const part of chunks(diff.upserts, ROW_CHUNK)) {
    const values = part.map((r) => Prisma.sql`(${r.channelId}, ${r.skuId}, ${r.ats}, ${now})`);
    await tx.$executeRaw`
      INSERT INTO "ChannelAts" ("channelId", "skuId", "ats", "updatedAt") VALUES ${Prisma.join(values)}
      ON CONFLICT ("channelId", "skuId") DO UPDATE SET "ats" = EXCLUDED."ats", "updatedAt" = EXCLUDED."updatedAt"`;
  }
  for (const part of chunks(diff.removals, ROW_CHUNK)) {
    const pairs = part.map((r) => Prisma.sql`(${r.channelId}, ${r.skuId})`);
    await tx.$executeRaw`
      DELETE FROM "ChannelAts" WHERE ("channelId", "skuId") IN (VALUES ${Prisma.join(pairs)})`;
  }
  for (const part of chunks(diff.events, ROW_CHUNK)) {
    await tx.channelFeedEvent.createMany({
      data: part.map((e: AtsRow) => ({ ...e, cause, createdAt: now })),
    });
  }
}

/**
 * Recomputes every channel's ATS for the SKUs (and the bundles containing them), writes what
 * changed to ChannelAts and appends one ChannelFeedEvent per changed (channel, SKU). The caller
 * holds the feed lock (lockFeedCursor) in the same transaction.
 */
export async function publishSkus(
  tx: Tx,
  skuIds: readonly string[],
  cause: FeedCause,
  now: Date,
): Promise<PublishedCounts> {
  if (skuIds.length === 0) return { skus: 0, events: 0 };
  const ids = await withBundles(tx, skuIds);
  const computed = await computeRows(tx, ids);
  const stored: AtsRow[] = [];
  for (const part of chunks(ids, ROW_CHUNK)) {
    stored.push(
      ...(await tx.channelAts.findMany({
        where: { skuId: { in: part } },
        select: { channelId: true, skuId: true, ats: true },
      })),
    );
  }
  const diff = diffAts({ stored, computed });
  await writeDiff(tx, diff, cause, now);
  const rose = skusWhoseAtsRose({ stored, events: diff.events });
  return { skus: ids.length, events: diff.events.length, rose };
}
