import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { getWebStock } from "./get-web-stock.server";
import { readCatalogue } from "./load-catalogue.server";
import { listPickupStoresWithStock, skuIdsInStockIn } from "./pickup-store-stock.server";

// The storefront's reads against a real (embedded) database with a handful of rows.

async function seed(prisma: PrismaClient) {
  await prisma.organization.create({
    data: { id: "org", code: "BRAND", name: "Brand", nameZh: "品牌", kind: "BRAND" },
  });
  for (const code of ["WEB", "TMALL"]) {
    await prisma.channel.create({
      data: {
        id: `ch_${code}`,
        code,
        name: code,
        nameZh: code,
        kind: code === "WEB" ? "WEB" : "TMALL",
        priority: 1,
        organizationId: "org",
      },
    });
  }
  await prisma.category.create({
    data: { id: "cat_tees", slug: "tees", name: "T-Shirts", nameZh: "T恤" },
  });
  const product = (styleCode: string, lifecycle: "IN_SEASON" | "CLEARANCE") => ({
    id: `prd_${styleCode}`,
    styleCode,
    name: styleCode,
    nameZh: styleCode,
    description: "d",
    descriptionZh: "d",
    categoryId: "cat_tees",
    gender: "UNISEX",
    lifecycle,
    listPrice: 19900,
    imagePath: "/products/tees.svg",
  });
  await prisma.product.createMany({
    data: [
      product("TE-1", "IN_SEASON"),
      product("TE-OLD", "CLEARANCE"),
      product("KIT-1", "IN_SEASON"),
    ],
  });
  const sku = (
    productId: string,
    code: string,
    size: string,
    sizeOrder: number,
    extra: { listPrice?: number; isBundle?: boolean } = {},
  ) => ({
    id: `sku_${code}`,
    productId,
    skuCode: code,
    barcode: `bc_${code}`,
    color: "Black",
    colorZh: "黑色",
    colorHex: "#111111",
    size,
    sizeOrder,
    ...extra,
  });
  await prisma.sku.createMany({
    data: [
      sku("prd_TE-1", "TE-1-L", "L", 4),
      sku("prd_TE-1", "TE-1-S", "S", 2, { listPrice: 17900 }),
      sku("prd_TE-1", "TE-1-M", "M", 3),
      sku("prd_TE-OLD", "TE-OLD-M", "M", 3),
      sku("prd_KIT-1", "KIT-1-OS", "ONE SIZE", 0, { isBundle: true }),
    ],
  });
  await prisma.bundleComponent.create({
    data: { bundleSkuId: "sku_KIT-1-OS", componentSkuId: "sku_TE-1-M", quantity: 2 },
  });
  await prisma.channelPrice.createMany({
    data: [
      { channelId: "ch_WEB", skuId: "sku_TE-1-L", price: 15900 },
      { channelId: "ch_TMALL", skuId: "sku_TE-1-M", price: 100 },
    ],
  });
  const node = (
    code: string,
    city: string,
    latitude: number,
    longitude: number,
    extra: {
      offersPickup?: boolean;
      active?: boolean;
      type?: "STORE_DIRECT" | "CENTRAL_WAREHOUSE";
    } = {},
  ) => ({
    id: `node_${code}`,
    code,
    name: code,
    nameZh: code,
    type: extra.type ?? "STORE_DIRECT",
    organizationId: "org",
    city,
    cityZh: city,
    district: "Huangpu",
    address: "1 Road",
    latitude,
    longitude,
    offersPickup: extra.offersPickup ?? true,
    active: extra.active ?? true,
    dailyCapacity: 10,
    costPerShipment: 800,
  });
  await prisma.node.createMany({
    data: [
      node("SH-001", "Shanghai", 31.2366, 121.4798),
      node("SH-002", "Shanghai", 31.2197, 121.47),
      node("SH-CLOSED", "Shanghai", 31.23, 121.47, { active: false }),
      node("CW-SH", "Shanghai", 31.17, 121.124, { type: "CENTRAL_WAREHOUSE", offersPickup: false }),
      node("BJ-001", "Beijing", 39.9, 116.4),
      node("SH-SHELF", "Shanghai", 31.22, 121.46),
    ],
  });
  // The web channel sells from the shared pool; routing keeps stores' shelf minimums.
  await prisma.allocationPolicy.create({
    data: { channelId: "ch_WEB", scope: "ALL", mode: "SHARED" },
  });
  await prisma.routingRule.create({
    data: { kind: "STOCK_DEPTH", mode: "SCORE", position: 1, params: {} },
  });
  const level = (
    nodeCode: string,
    skuCode: string,
    onHand: number,
    reserved = 0,
    safetyStock = 0,
  ) => ({
    nodeId: `node_${nodeCode}`,
    skuId: `sku_${skuCode}`,
    onHand,
    reserved,
    safetyStock,
  });
  await prisma.stockLevel.createMany({
    data: [
      level("SH-001", "TE-1-M", 5, 1, 1), // 3 available
      level("SH-002", "TE-1-M", 3, 2, 1), // none left after reservations and safety stock
      level("SH-CLOSED", "TE-1-L", 9),
      level("CW-SH", "TE-1-L", 100),
      level("BJ-001", "TE-1-L", 2),
      // One unit, and it is the shelf minimum: routing would ship one in, so it is not "available".
      { ...level("SH-SHELF", "TE-1-S", 1), displayMin: 1 },
      { ...level("SH-SHELF", "TE-1-M", 3), displayMin: 1 },
    ],
  });
  await prisma.channelAts.createMany({
    data: [
      { channelId: "ch_WEB", skuId: "sku_TE-1-M", ats: 2 },
      { channelId: "ch_WEB", skuId: "sku_TE-1-L", ats: 40 },
      { channelId: "ch_WEB", skuId: "sku_TE-1-S", ats: 1 },
      { channelId: "ch_TMALL", skuId: "sku_TE-1-S", ats: 7 },
    ],
  });
}

describe("catalogue reads (PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  beforeAll(async () => seed(db()));

  it("lists storefront styles only, SKUs in size order, priced for the web", async () => {
    const { products, categories } = await readCatalogue(db());
    expect(products.map((p) => p.styleCode).sort()).toEqual(["KIT-1", "TE-1"]);
    const tee = products.find((p) => p.styleCode === "TE-1");
    expect(tee?.skus.map((s) => [s.size, s.price])).toEqual([
      ["S", 17900], // the SKU's own list price
      ["M", 19900], // the style's list price; another channel's price does not count
      ["L", 15900], // the WEB channel price
    ]);
    expect(tee?.price).toBe(15900);
    expect(categories).toEqual([{ slug: "tees", name: "T-Shirts", nameZh: "T恤", styles: 2 }]);
  });

  it("reads web stock per SKU from the published web channel stock, missing rows as out", async () => {
    const stock = await getWebStock(db(), ["sku_TE-1-S", "sku_TE-1-M", "sku_TE-1-L"]);
    expect(Object.fromEntries(stock)).toEqual({
      // Published as 1, but that unit is a store's shelf minimum, which routing never plans.
      "sku_TE-1-S": { ats: 0, state: "OUT" },
      "sku_TE-1-M": { ats: 2, state: "LOW" },
      "sku_TE-1-L": { ats: 40, state: "IN_STOCK" },
    });
  });

  it("lists active pickup stores with node available (on hand − reserved − safety stock)", async () => {
    const stores = await listPickupStoresWithStock(db(), {
      skuId: "sku_TE-1-M",
      city: "Shanghai",
    });
    expect(Object.fromEntries(stores.map((s) => [s.code, s.available]))).toEqual({
      "SH-001": 3,
      "SH-002": 0,
      "SH-SHELF": 2,
    });
  });

  it("counts a bundle as the complete sets its components make at a store", async () => {
    const stores = await listPickupStoresWithStock(db(), {
      skuId: "sku_KIT-1-OS",
      city: "Shanghai",
    });
    expect(Object.fromEntries(stores.map((s) => [s.code, s.available]))).toEqual({
      "SH-001": 1,
      "SH-002": 0,
      "SH-SHELF": 1,
    });
  });

  it("never counts a store's shelf minimum, the way routing does not plan it", async () => {
    const stores = await listPickupStoresWithStock(db(), {
      skuId: "sku_TE-1-S",
      city: "Shanghai",
    });
    expect(stores.find((s) => s.code === "SH-SHELF")?.available).toBe(0);
    expect([
      ...(await skuIdsInStockIn(db(), { city: "Shanghai", skuIds: ["sku_TE-1-S"] })),
    ]).toEqual([]);
  });

  it("finds the SKUs in stock at some store of a city, ignoring warehouses and closed stores", async () => {
    const ids = ["sku_TE-1-S", "sku_TE-1-M", "sku_TE-1-L", "sku_KIT-1-OS"];
    expect([...(await skuIdsInStockIn(db(), { city: "Shanghai", skuIds: ids }))].sort()).toEqual([
      "sku_KIT-1-OS",
      "sku_TE-1-M",
    ]);
    expect([...(await skuIdsInStockIn(db(), { city: "Beijing", skuIds: ids }))]).toEqual([
      "sku_TE-1-L",
    ]);
  });
});
