import { describe, expect, it } from "vitest";
import { diffAts, type AtsRow, type ComputedAts } from "./diff-ats";

const row = (channelId: string, skuId: string, ats: number): AtsRow => ({ channelId, skuId, ats });
const computed = (channelId: string, skuId: string, ats: number, listed = true): ComputedAts => ({
  channelId,
  skuId,
  ats,
  listed,
});

describe("diffAts", () => {
  it("publishes nothing when every listed pair already shows its ATS", () => {
    const diff = diffAts({
      stored: [row("web", "s1", 5), row("jd", "s1", 2)],
      computed: [computed("web", "s1", 5), computed("jd", "s1", 2)],
    });
    expect(diff).toEqual({ upserts: [], removals: [], events: [] });
  });

  it("updates and announces a pair whose ATS moved, and only that pair", () => {
    const diff = diffAts({
      stored: [row("web", "s1", 5), row("jd", "s1", 2)],
      computed: [computed("web", "s1", 4), computed("jd", "s1", 2)],
    });
    expect(diff.upserts).toEqual([row("web", "s1", 4)]);
    expect(diff.events).toEqual([row("web", "s1", 4)]);
    expect(diff.removals).toEqual([]);
  });

  it.each([
    ["a new listed pair with stock", undefined, 3, [row("web", "s1", 3)]],
    ["a new listed pair sold out (absent already reads as 0)", undefined, 0, []],
    ["a pair selling out", 3, 0, [row("web", "s1", 0)]],
    ["a pair coming back", 0, 7, [row("web", "s1", 7)]],
  ] as const)("%s", (_label, before, after, events) => {
    const diff = diffAts({
      stored: before === undefined ? [] : [row("web", "s1", before)],
      computed: [computed("web", "s1", after)],
    });
    expect(diff.upserts).toEqual([row("web", "s1", after)]);
    expect(diff.events).toEqual(events);
  });

  it.each([
    ["delisted with stock: removed, announced as 0", 4, [row("web", "s1", 0)]],
    ["delisted while sold out: removed, nothing to announce", 0, []],
  ] as const)("%s", (_label, before, events) => {
    const diff = diffAts({
      stored: [row("web", "s1", before)],
      computed: [computed("web", "s1", 9, false)],
    });
    expect(diff.upserts).toEqual([]);
    expect(diff.removals).toEqual([{ channelId: "web", skuId: "s1" }]);
    expect(diff.events).toEqual(events);
  });

  it("removes the rows of a channel that no longer appears (switched off)", () => {
    const diff = diffAts({ stored: [row("old", "s1", 2)], computed: [computed("web", "s1", 2)] });
    expect(diff.removals).toEqual([{ channelId: "old", skuId: "s1" }]);
    expect(diff.events).toEqual([row("old", "s1", 0), row("web", "s1", 2)]);
  });

  it("sorts by channel then SKU, so event ids follow a stable order", () => {
    const diff = diffAts({
      stored: [],
      computed: [computed("web", "s2", 1), computed("jd", "s9", 1), computed("web", "s1", 1)],
    });
    expect(diff.events.map((e) => `${e.channelId}/${e.skuId}`)).toEqual([
      "jd/s9",
      "web/s1",
      "web/s2",
    ]);
  });
});
