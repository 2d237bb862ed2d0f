import { describe, expect, it } from "vitest";
import { auditChanges, auditIdsOf, auditTarget } from "./audit-words";

const names = new Map([
  ["node-1", "SH-XUHUI-01"],
  ["sku-1", "RUN-BLK-42"],
  ["chan-1", "TMALL"],
  ["cat-1", "running"],
]);

describe("auditIdsOf", () => {
  it("splits a stock level's node/SKU pair and collects id fields from both sides", () => {
    expect(
      auditIdsOf({
        entity: "STOCK_LEVEL",
        entityId: "node-1/sku-1",
        before: { onHand: 3 },
        after: { onHand: 5, reason: "FOUND" },
      }),
    ).toEqual(["node-1", "sku-1"]);
    expect(
      auditIdsOf({
        entity: "ALLOCATION_POLICY",
        entityId: "pol-1",
        before: null,
        after: { channelId: "chan-1", categoryId: "cat-1", skuId: null },
      }),
    ).toEqual(["pol-1", "chan-1", "cat-1"]);
  });
});

describe("auditTarget", () => {
  it("names a stock level by node and SKU code", () => {
    const entry = { entity: "STOCK_LEVEL", entityId: "node-1/sku-1", before: null, after: null };
    expect(auditTarget(entry, names)).toBe("SH-XUHUI-01 · RUN-BLK-42");
  });

  it("names a policy by channel and scope, even once the policy is deleted", () => {
    const entry = {
      entity: "ALLOCATION_POLICY",
      entityId: "gone",
      before: { channelId: "chan-1", scope: "CATEGORY", categoryId: "cat-1", lifecycle: null },
      after: null,
    };
    expect(auditTarget(entry, names)).toBe("TMALL · running");
  });

  it("shows an id no longer on record as stored, and nothing when there is no target", () => {
    expect(auditTarget({ entity: "NODE", entityId: "x", before: null, after: null }, names)).toBe(
      "x",
    );
    expect(
      auditTarget({ entity: "ROUTING_RULES", entityId: null, before: [], after: [] }, names),
    ).toBeNull();
  });
});

describe("auditChanges", () => {
  it("on an edit shows only the fields that changed, with ids named and the version hidden", () => {
    expect(
      auditChanges(
        { channelId: "chan-1", mode: "SHARED", ratioBps: null, version: 1, active: true },
        { channelId: "chan-1", mode: "RATIO", ratioBps: 3000, version: 2, active: false },
        names,
      ),
    ).toEqual([
      {
        field: "mode",
        before: { kind: "text", text: "SHARED" },
        after: { kind: "text", text: "RATIO" },
      },
      { field: "ratioBps", before: { kind: "none" }, after: { kind: "text", text: "3000" } },
      { field: "active", before: { kind: "flag", on: true }, after: { kind: "flag", on: false } },
    ]);
  });

  it("on a creation shows every field, ids by name and lists as one line", () => {
    expect(
      auditChanges(
        null,
        { categoryId: "cat-1", skus: [{ skuCode: "A-41", barcode: "690001" }] },
        names,
      ),
    ).toEqual([
      { field: "categoryId", before: { kind: "none" }, after: { kind: "text", text: "running" } },
      { field: "skus", before: { kind: "none" }, after: { kind: "text", text: "A-41 690001" } },
    ]);
  });

  it("shows a whole set kept as a list as one value, leaving the row ids out", () => {
    expect(
      auditChanges(
        [{ id: "r1", kind: "DISTANCE", weight: 2 }],
        [{ id: "r1", kind: "DISTANCE", weight: 3 }],
        names,
      ),
    ).toEqual([
      {
        field: "",
        before: { kind: "text", text: "DISTANCE 2" },
        after: { kind: "text", text: "DISTANCE 3" },
      },
    ]);
  });
});
