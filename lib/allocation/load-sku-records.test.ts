import { describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db/transaction.server";
import { loadSkuRecords } from "./load-sku-snapshots.server";

/** A transaction that counts the statements asked of it and answers with fixed rows. */
function countingTx(rows: { skus: unknown[]; categories: unknown[] }) {
  const asked: string[] = [];
  const tx = {
    sku: {
      findMany: async () => {
        asked.push("sku");
        return rows.skus;
      },
    },
    category: {
      findMany: async () => {
        asked.push("category");
        return rows.categories;
      },
    },
  } as unknown as Tx;
  return { tx, asked };
}

describe("loadSkuRecords", () => {
  it("asks the database nothing for no SKUs (the components of an order without bundles)", async () => {
    const { tx, asked } = countingTx({ skus: [], categories: [] });
    const records = await loadSkuRecords(tx, []);
    expect(records.size).toBe(0);
    expect(asked).toEqual([]);
  });

  it("reads the SKUs and the category tree once for some SKUs", async () => {
    const { tx, asked } = countingTx({
      skus: [
        {
          id: "sku-1",
          isBundle: false,
          presaleEnabled: false,
          presaleCap: null,
          presaleSold: 0,
          product: { lifecycle: "CORE", categoryId: "running" },
          bundleComponents: [],
        },
      ],
      categories: [
        { id: "shoes", parentId: null },
        { id: "running", parentId: "shoes" },
      ],
    });
    const records = await loadSkuRecords(tx, ["sku-1"]);
    expect(asked.sort()).toEqual(["category", "sku"]);
    expect(records.get("sku-1")).toMatchObject({
      id: "sku-1",
      isBundle: false,
      traits: { skuId: "sku-1", lifecycle: "CORE" },
      components: [],
    });
    expect(records.get("sku-1")?.traits.categoryPath).toContain("running");
  });
});
