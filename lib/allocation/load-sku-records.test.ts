import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/transaction.server";
import { loadSkuRecords } from "./load-sku-snapshots.server";

/** A database that counts the statements asked of it and answers each with the given row. */
function countingDb(row: unknown) {
  let asked = 0;
  const db = {
    $queryRaw: async () => {
      asked++;
      return [row];
    },
  } as unknown as Db;
  return { db, asked: () => asked };
}

const sku = {
  id: "sku-1",
  isBundle: false,
  presaleEnabled: false,
  presaleCap: 0,
  presaleSold: 0,
  lifecycle: "CORE",
  categoryId: "running",
  components: [],
};

describe("loadSkuRecords", () => {
  it("asks the database nothing for no SKUs (the components of an order without bundles)", async () => {
    const { db, asked } = countingDb({ skus: [], paths: {} });
    const records = await loadSkuRecords(db, []);
    expect(records.size).toBe(0);
    expect(asked()).toBe(0);
  });

  it("reads the SKUs with their category paths in one statement", async () => {
    const { db, asked } = countingDb({
      skus: [sku],
      paths: { running: ["running", "shoes"] },
    });
    const records = await loadSkuRecords(db, ["sku-1", "sku-1"]);
    expect(asked()).toBe(1);
    expect(records.get("sku-1")).toEqual({
      id: "sku-1",
      isBundle: false,
      traits: { skuId: "sku-1", lifecycle: "CORE", categoryPath: ["running", "shoes"] },
      components: [],
      presale: { enabled: false, cap: 0, sold: 0 },
    });
  });

  it("ends a category path at its first repeat: a cycle in the tree does not loop", async () => {
    const { db } = countingDb({
      skus: [sku],
      paths: { running: ["running", "shoes", "running", "shoes"] },
    });
    const records = await loadSkuRecords(db, ["sku-1"]);
    expect(records.get("sku-1")?.traits.categoryPath).toEqual(["running", "shoes"]);
  });
});
