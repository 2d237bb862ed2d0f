import { describe, expect, it } from "vitest";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { placeOrder } from "@/lib/orders/place-order.server";
import { getEmployeeProduct, listEmployeeCatalogue } from "./employee-catalogue.server";
import { employeeSkuPrices } from "./employee-prices.server";
import { createEmployeeWorld, employeePickup, type EmployeeWorld } from "./testing/employee-world";

// The employee offer against a real (embedded) database: the world's one style (tee 120 units,
// cap 55, rare 2 in stock, list 59 900 fen) sold through its employee channel (SHARED by category).

const QUOTA = { maxUnits: 20, maxSpend: 10_000_000, maxPerSku: 3 };
const ALL = { inStock: false };
const NOW = new Date("2026-11-20T04:00:00Z");

async function world(prisma: PrismaClient) {
  const w = await createEmployeeWorld(prisma, QUOTA);
  const { userId } = await w.addEmployee("Wang");
  const styleCode = (
    await prisma.product.findFirstOrThrow({ where: { skus: { some: { id: w.sku("tee") } } } })
  ).styleCode;
  const options = { userId, channelCode: w.employeeCode };
  const product = () => getEmployeeProduct(prisma, { ...options, styleCode, now: NOW });
  const listing = (filters: Parameters<typeof listEmployeeCatalogue>[1]["filters"] = ALL) =>
    listEmployeeCatalogue(prisma, { ...options, filters });
  const available = async () =>
    Object.fromEntries(((await product())?.style.skus ?? []).map((s) => [s.size, s.available]));
  return { w, userId, styleCode, product, listing, available };
}

function skuPolicy(prisma: PrismaClient, w: EmployeeWorld, sku: string, fixedQty: number) {
  return prisma.allocationPolicy.create({
    data: { channelId: w.employeeCode, scope: "SKU", skuId: w.sku(sku), mode: "FIXED", fixedQty },
  });
}

describe("the employee catalogue on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");

  it("offers what the employee channel lists, with its ATS per SKU and in the listing", async () => {
    const prisma = db();
    const { w, styleCode, listing, available } = await world(prisma);
    expect(await available()).toEqual({ tee: 120, cap: 55, rare: 2 });
    const { styles, offeredSkus } = await listing();
    expect(styles.map((s) => [s.styleCode, s.available, s.skus.map((k) => k.size)])).toEqual([
      [styleCode, 177, ["cap", "rare", "tee"]],
    ]);
    expect(offeredSkus.map((s) => s.size)).toEqual(["cap", "rare", "tee"]);
    const ats = await computeChannelAts(prisma, { skuIds: [w.sku("tee")] });
    expect(ats[0]?.channels.find((c) => c.channelId === w.employeeCode)?.ats).toBe(120);
  });

  it("never offers a SKU the employee channel does not list", async () => {
    const prisma = db();
    const { w, product, listing } = await world(prisma);
    await skuPolicy(prisma, w, "rare", 0);
    const offered = await product();
    expect(offered?.style.skus.map((s) => s.size)).toEqual(["cap", "tee"]);
    expect((await listing()).offeredSkus.map((s) => s.size)).toEqual(["cap", "tee"]);
    expect((await listing({ size: "rare", inStock: false })).styles).toEqual([]);
  });

  it("sells the employee channel's share, not the whole stock, and follows its allocation", async () => {
    const prisma = db();
    const { w, product, listing, available } = await world(prisma);
    const teePolicy = await skuPolicy(prisma, w, "tee", 7);
    expect(await available()).toEqual({ tee: 7, cap: 55, rare: 2 });
    expect((await product())?.maxPerSku).toBe(3);

    await prisma.allocationPolicy.update({ where: { id: teePolicy.id }, data: { fixedQty: 3 } });
    expect((await available()).tee).toBe(3);
    expect((await listing()).styles[0]?.available).toBe(3 + 55 + 2);

    // Nothing left for employees: the style leaves the offer and its page is not found.
    await prisma.allocationPolicy.updateMany({
      where: { channelId: w.employeeCode, scope: "CATEGORY" },
      data: { mode: "FIXED", fixedQty: 0 },
    });
    await prisma.allocationPolicy.update({ where: { id: teePolicy.id }, data: { fixedQty: 0 } });
    expect(await product()).toBeNull();
    expect((await listing()).styles).toEqual([]);
  });

  it("shows sold-out sizes but leaves them out of 'in stock only'", async () => {
    const prisma = db();
    const { w, styleCode, listing, available } = await world(prisma);
    await prisma.stockLevel.updateMany({
      where: { skuId: w.sku("rare") },
      data: { safetyStock: 2 },
    });
    expect((await available()).rare).toBe(0);
    expect(
      (await listing({ size: "rare", inStock: false })).styles.map((s) => s.styleCode),
    ).toEqual([styleCode]);
    expect((await listing({ size: "rare", inStock: true })).styles).toEqual([]);
    expect((await listing({ size: "tee", inStock: true })).styles).toHaveLength(1);
  });

  it("prices by the one employee rule: explicit style price, else list less the policy discount", async () => {
    const prisma = db();
    const { w, product, listing } = await world(prisma);
    // 30 % off 59 900 is 41 930.
    const first = await product();
    expect(first?.style.skus.map((s) => [s.size, s.listPrice, s.employeePrice])).toEqual([
      ["cap", 59_900, 41_930],
      ["rare", 59_900, 41_930],
      ["tee", 59_900, 41_930],
    ]);
    expect((await listing()).styles[0]).toMatchObject({
      listPrice: 59_900,
      employeePrice: 41_930,
      discountPercent: 30,
      priceVaries: false,
    });

    // A SKU's own list price is the base of its discount.
    await prisma.sku.update({ where: { id: w.sku("cap") }, data: { listPrice: 49_900 } });
    const skuIds = [w.sku("cap"), w.sku("tee")];
    const rule = await employeeSkuPrices(prisma, 3000, skuIds);
    const offered = await product();
    expect(offered?.style.skus.find((s) => s.size === "cap")).toMatchObject({
      listPrice: 49_900,
      employeePrice: 34_930,
    });
    expect(
      offered?.style.skus.filter((s) => s.size !== "rare").map((s) => s.employeePrice),
    ).toEqual(skuIds.map((id) => rule.get(id)));
    expect((await listing()).styles[0]).toMatchObject({
      listPrice: 49_900,
      employeePrice: 34_930,
      discountPercent: 30,
      priceVaries: true,
    });

    // An explicit employee price of the style wins over the discount.
    const style = await prisma.product.findFirstOrThrow({
      where: { skus: { some: { id: w.sku("tee") } } },
    });
    await prisma.product.update({ where: { id: style.id }, data: { employeePrice: 19_900 } });
    expect((await listing()).styles[0]).toMatchObject({
      listPrice: 59_900,
      employeePrice: 19_900,
      // (59 900 − 19 900) / 59 900 = 66.8 %
      discountPercent: 67,
    });
  });

  it("after an order, shows what is left on sale and of the employee's quota", async () => {
    const prisma = db();
    const { w, userId, product, available } = await world(prisma);
    const before = await product();
    expect(before?.unitsLeft).toBe(20);
    expect(before?.usedBySku.size).toBe(0);
    await placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, [["tee", 2]]) });
    const after = await product();
    expect(after?.unitsLeft).toBe(18);
    expect(after?.usedBySku.get(w.sku("tee"))).toBe(2);
    expect((await available()).tee).toBe(118);
  });

  it("finds a style by its code in any case and refuses an unknown one", async () => {
    const prisma = db();
    const { userId, styleCode, w } = await world(prisma);
    const options = { userId, channelCode: w.employeeCode };
    expect(
      (
        await getEmployeeProduct(prisma, {
          ...options,
          now: NOW,
          styleCode: styleCode.toUpperCase(),
        })
      )?.style.styleCode,
    ).toBe(styleCode);
    expect(
      await getEmployeeProduct(prisma, { ...options, now: NOW, styleCode: "NO-SUCH-STYLE" }),
    ).toBeNull();
    await expect(
      listEmployeeCatalogue(prisma, {
        userId: w.memberUserId,
        channelCode: w.employeeCode,
        filters: ALL,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
