/** One channel's published availability of one SKU. */
export type AtsRow = { channelId: string; skuId: string; ats: number };

/** What allocation says now about one SKU in one channel; unlisted means the channel does not sell it. */
export type ComputedAts = AtsRow & { listed: boolean };

/** What publishing a recomputation changes. */
export type AtsDiff = {
  /** Rows to insert or update: listed pairs that are new or whose ATS moved. */
  upserts: AtsRow[];
  /** Rows to delete: pairs the channel no longer sells (delisted, or the channel went inactive). */
  removals: Pick<AtsRow, "channelId" | "skuId">[];
  /** One per pair whose visible ATS changed, absent counting as 0. */
  events: AtsRow[];
};

const keyOf = (r: Pick<AtsRow, "channelId" | "skuId">): string => `${r.channelId}\u0000${r.skuId}`;

const byPair = (a: Pick<AtsRow, "channelId" | "skuId">, b: Pick<AtsRow, "channelId" | "skuId">) =>
  a.channelId.localeCompare(b.channelId) || a.skuId.localeCompare(b.skuId);

/**
 * Compares freshly computed ATS with the published rows of the same SKUs. Snapshot rows exist for
 * every pair a channel sells (a listed SKU at 0 is shown as sold out); events follow what a
 * connector sees, where a missing row means 0, so a pair going from absent to 0 or from 0 to
 * absent changes the snapshot but emits nothing. Output is sorted by (channel, SKU) so event ids
 * come out in a stable order.
 */
export function diffAts(input: {
  stored: readonly AtsRow[];
  computed: readonly ComputedAts[];
}): AtsDiff {
  const stored = new Map(input.stored.map((r) => [keyOf(r), r]));
  const listed = new Map<string, AtsRow>();
  for (const c of input.computed) {
    if (c.listed) listed.set(keyOf(c), { channelId: c.channelId, skuId: c.skuId, ats: c.ats });
  }

  const upserts: AtsRow[] = [];
  const removals: AtsDiff["removals"] = [];
  const events: AtsRow[] = [];
  for (const [key, next] of listed) {
    const before = stored.get(key);
    if (before?.ats === next.ats) continue;
    upserts.push(next);
    if ((before?.ats ?? 0) !== next.ats) events.push(next);
  }
  for (const [key, before] of stored) {
    if (listed.has(key)) continue;
    removals.push({ channelId: before.channelId, skuId: before.skuId });
    if (before.ats !== 0) events.push({ channelId: before.channelId, skuId: before.skuId, ats: 0 });
  }
  return {
    upserts: upserts.sort(byPair),
    removals: removals.sort(byPair),
    events: events.sort(byPair),
  };
}

/**
 * The SKUs some channel may now sell more of than it published (absent counting as 0): the
 * Redis stock gate's counts for them are too low and are read again (feed-publisher.server.ts).
 */
export function skusWhoseAtsRose(input: {
  stored: readonly AtsRow[];
  events: readonly AtsRow[];
}): string[] {
  const before = new Map(input.stored.map((r) => [keyOf(r), r.ats]));
  const rose = input.events.filter((e) => e.ats > (before.get(keyOf(e)) ?? 0));
  return [...new Set(rose.map((e) => e.skuId))].sort();
}
