import { describe, expect, it, vi } from "vitest";
import { receiveInbound } from "@/lib/admin/receive-inbound.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createStyle } from "./create-style.server";
import { getStyle } from "./get-style.server";
import { listStyles } from "./list-styles.server";
import { styleSearchSchema, type CreateStyleInput } from "./product-input";
import { addSku, updateSku } from "./save-sku.server";
import { saveBundle } from "./save-bundle.server";
import { setChannelPrice } from "./set-channel-price.server";
import { setLifecycle } from "./set-lifecycle.server";
import { setPresale } from "./set-presale.server";
import { updateStyle } from "./update-style.server";

// The catalogue cache lives in Next's request context, absent in a test.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));

async function refusalOf(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let counter = 0;

/** An admin, a category, an organisation with a node, and the WEB and EMPLOYEE channels. */
async function world(prisma: PrismaClient) {
  const n = ++counter;
  const admin = await prisma.user.create({
    data: { email: `pm-${n}@test.dev`, name: "HQ", passwordHash: "-", role: "ADMIN" },
  });
  const org = await prisma.organization.create({
    data: { code: `PORG${n}`, name: "Brand", nameZh: "品牌", kind: "BRAND" },
  });
  const category = await prisma.category.create({
    data: { slug: `shoes-${n}`, name: "Shoes", nameZh: "鞋" },
  });
  const node = await prisma.node.create({
    data: {
      code: `WH${n}`,
      name: "Warehouse",
      nameZh: "仓",
      type: "CENTRAL_WAREHOUSE",
      organizationId: org.id,
      city: "Shanghai",
      cityZh: "上海",
      district: "Pudong",
      address: "1 Road",
      latitude: 31.2,
      longitude: 121.5,
      shipsExpress: true,
      dailyCapacity: 1000,
      costPerShipment: 1000,
    },
  });
  return { admin, org, category, node, n, actor: { userId: admin.id } };
}

function styleInput(n: number, slug: string, suffix = ""): CreateStyleInput {
  const code = `RN-${n}${suffix}`;
  return {
    styleCode: code,
    name: "Velocity Run",
    nameZh: "疾速跑鞋",
    categorySlug: slug,
    gender: "UNISEX",
    listPriceYuan: 599.5,
    skus: [
      sku(`${code}-BLK-41`, `69${n}${suffix.length}000000041`.slice(0, 13), "41"),
      sku(`${code}-BLK-42`, `69${n}${suffix.length}000000042`.slice(0, 13), "42"),
    ],
  };
}

function sku(skuCode: string, barcode: string, size: string) {
  return {
    skuCode,
    barcode,
    color: "Black",
    colorZh: "黑色",
    colorHex: "#111111",
    size,
    sizeOrder: Number(size),
  };
}

const auditOf = (prisma: PrismaClient, entityId: string) =>
  prisma.auditEntry.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

describe("products console", () => {
  const db = useMigratedDatabase("pglite");

  it("creates a style with two SKUs in fen, no stock, audited, found by search", async () => {
    const prisma = db();
    const w = await world(prisma);
    const input = styleInput(w.n, w.category.slug);
    await createStyle(prisma, input, w.actor);
    const product = await prisma.product.findUniqueOrThrow({
      where: { styleCode: `RN-${w.n}` },
      include: { skus: { orderBy: { sizeOrder: "asc" } } },
    });
    expect(product).toMatchObject({ listPrice: 59_950, lifecycle: "NEW", gender: "UNISEX" });
    expect(product.skus.map((s) => [s.skuCode, s.barcode, s.listPrice])).toEqual([
      [`RN-${w.n}-BLK-41`, input.skus[0]?.barcode, null],
      [`RN-${w.n}-BLK-42`, input.skus[1]?.barcode, null],
    ]);
    expect(await prisma.stockLevel.count({ where: { sku: { productId: product.id } } })).toBe(0);
    const audit = await auditOf(prisma, product.id);
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([["CREATE_STYLE", w.admin.id]]);

    const bySku = await listStyles(
      prisma,
      styleSearchSchema.parse({ q: `rn-${w.n}-blk-42`.toLowerCase() }),
    );
    expect(bySku.styles.map((s) => s.styleCode)).toEqual([`RN-${w.n}`]);
    expect(bySku.styles[0]?.skus).toBe(2);
    const byBarcode = await listStyles(
      prisma,
      styleSearchSchema.parse({ q: input.skus[0]?.barcode }),
    );
    expect(byBarcode.total).toBe(1);
  });

  it("refuses a taken style code, SKU code or barcode beside its field, changing nothing", async () => {
    const prisma = db();
    const w = await world(prisma);
    const first = styleInput(w.n, w.category.slug);
    await createStyle(prisma, first, w.actor);
    const before = await prisma.sku.count();

    const sameStyle = await refusalOf(() => createStyle(prisma, first, w.actor));
    expect(sameStyle).toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "DUPLICATE_STYLE_CODE", styleCode: `RN-${w.n}` },
      fieldErrors: { styleCode: [{ problem: "INVALID" }] },
    });

    const second = styleInput(w.n, w.category.slug, "B");
    const takenBarcode = first.skus[1]?.barcode ?? "";
    const clash = {
      ...second,
      skus: [second.skus[0], { ...second.skus[1], barcode: takenBarcode }],
    } as CreateStyleInput;
    const barcode = await refusalOf(() => createStyle(prisma, clash, w.actor));
    expect(barcode).toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "DUPLICATE_BARCODE", barcode: takenBarcode },
      fieldErrors: { "skus.1.barcode": [{ problem: "INVALID" }] },
    });

    const repeated = {
      ...second,
      skus: [second.skus[0], { ...second.skus[1], barcode: second.skus[0]?.barcode }],
    } as CreateStyleInput;
    expect(await refusalOf(() => createStyle(prisma, repeated, w.actor))).toMatchObject({
      details: { reason: "DUPLICATE_BARCODE" },
      fieldErrors: { "skus.1.barcode": [{ problem: "INVALID" }] },
    });

    const sameSku = { ...second, skus: [{ ...second.skus[0], skuCode: first.skus[0]?.skuCode }] };
    expect(
      await refusalOf(() => createStyle(prisma, sameSku as CreateStyleInput, w.actor)),
    ).toMatchObject({
      details: { reason: "DUPLICATE_SKU_CODE" },
      fieldErrors: { "skus.0.skuCode": [{ problem: "INVALID" }] },
    });

    // A SKU edited to another SKU's barcode, or added with one, is refused the same way.
    const edit = { ...first.skus[0], barcode: takenBarcode } as Parameters<typeof updateSku>[1];
    expect(await refusalOf(() => updateSku(prisma, edit, w.actor))).toMatchObject({
      details: { reason: "DUPLICATE_BARCODE" },
      fieldErrors: { barcode: [{ problem: "INVALID" }] },
    });
    const added = sku(`RN-${w.n}-BLK-43`, takenBarcode, "43");
    expect(
      await refusalOf(() => addSku(prisma, { ...added, styleCode: `RN-${w.n}` }, w.actor)),
    ).toMatchObject({ details: { reason: "DUPLICATE_BARCODE" } });

    expect(await prisma.sku.count()).toBe(before);
    expect(await prisma.product.count({ where: { styleCode: `RN-${w.n}B` } })).toBe(0);
  });

  it("refuses prices of zero or below, bad codes and an unknown category", async () => {
    const prisma = db();
    const w = await world(prisma);
    const input = styleInput(w.n, w.category.slug);
    const zero = await refusalOf(() =>
      createStyle(prisma, { ...input, listPriceYuan: 0 }, w.actor),
    );
    expect(zero.fieldErrors?.listPriceYuan?.[0]).toMatchObject({
      problem: "TOO_SMALL",
      minimum: 0,
    });
    const cents = await refusalOf(() =>
      createStyle(prisma, { ...input, listPriceYuan: 1.005 }, w.actor),
    );
    expect(cents.fieldErrors?.listPriceYuan).toBeDefined();
    const badBarcode = { ...input, skus: [{ ...input.skus[0], barcode: "12-34" }] };
    expect(
      (await refusalOf(() => createStyle(prisma, badBarcode as CreateStyleInput, w.actor)))
        .fieldErrors?.["skus.0.barcode"],
    ).toBeDefined();
    const noSkus = await refusalOf(() => createStyle(prisma, { ...input, skus: [] }, w.actor));
    expect(noSkus.fieldErrors?.skus).toBeDefined();
    const unknown = await refusalOf(() =>
      createStyle(prisma, { ...input, categorySlug: "nope" }, w.actor),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", details: { reason: "CATEGORY" } });
    expect(await prisma.product.count({ where: { styleCode: `RN-${w.n}` } })).toBe(0);
  });

  it("edits a style at the version opened; a save in between refuses the stale one", async () => {
    const prisma = db();
    const w = await world(prisma);
    await createStyle(prisma, styleInput(w.n, w.category.slug), w.actor);
    const opened = await getStyle(prisma, `RN-${w.n}`);
    if (!opened) throw new Error("style missing");
    const edit = {
      styleCode: opened.style.styleCode,
      version: opened.style.version,
      name: "Velocity Run 4",
      nameZh: "疾速跑鞋4",
      description: "",
      descriptionZh: "",
      categorySlug: w.category.slug,
      gender: "UNISEX" as const,
      listPriceYuan: 649,
    };
    const saved = await updateStyle(prisma, edit, w.actor);
    expect(saved.version).not.toBe(opened.style.version);
    const stale = await refusalOf(() =>
      updateStyle(prisma, { ...edit, listPriceYuan: 1 }, w.actor),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", details: { reason: "CHANGED_MEANWHILE" } });
    const product = await prisma.product.findUniqueOrThrow({ where: { styleCode: `RN-${w.n}` } });
    expect(product).toMatchObject({ name: "Velocity Run 4", listPrice: 64_900 });
    const audit = await auditOf(prisma, product.id);
    expect(audit.at(-1)).toMatchObject({
      action: "UPDATE_STYLE",
      before: expect.objectContaining({ listPrice: 59_950 }) as unknown,
      after: expect.objectContaining({ listPrice: 64_900 }) as unknown,
    });
    expect(
      await refusalOf(() => updateStyle(prisma, { ...edit, styleCode: "NOPE-1" }, w.actor)),
    ).toMatchObject({ code: "NOT_FOUND", details: { reason: "PRODUCT" } });
  });

  it("moves a style to CLEARANCE and publishes the employee channel's ATS for its SKUs", async () => {
    const prisma = db();
    const w = await world(prisma);
    const web = await prisma.channel.create({
      data: {
        code: `WEB${w.n}`,
        name: "Web",
        nameZh: "官网",
        kind: "WEB",
        priority: 1,
        organizationId: w.org.id,
      },
    });
    const emp = await prisma.channel.create({
      data: {
        code: `EMP${w.n}`,
        name: "Employee",
        nameZh: "内购",
        kind: "EMPLOYEE",
        priority: 9,
        organizationId: w.org.id,
      },
    });
    await prisma.allocationPolicy.createMany({
      data: [
        { channelId: web.id, scope: "ALL", mode: "SHARED" },
        { channelId: emp.id, scope: "ALL", mode: "FIXED", fixedQty: 0 },
        { channelId: emp.id, scope: "LIFECYCLE", lifecycle: "CLEARANCE", mode: "SHARED" },
      ],
    });
    const input = styleInput(w.n, w.category.slug);
    await createStyle(prisma, input, w.actor);
    const skuCode = input.skus[0]?.skuCode ?? "";
    await receiveInbound(prisma, { skuCode, nodeId: w.node.id, quantity: 7 });
    const skuRow = await prisma.sku.findUniqueOrThrow({ where: { skuCode } });
    const atsOf = async (channelId: string) =>
      (
        await prisma.channelAts.findUnique({
          where: { channelId_skuId: { channelId, skuId: skuRow.id } },
        })
      )?.ats ?? 0;
    expect(await atsOf(emp.id)).toBe(0);

    const moved = await setLifecycle(
      prisma,
      { styleCode: `RN-${w.n}`, lifecycle: "CLEARANCE" },
      w.actor,
    );
    expect(moved.lifecycle).toBe("CLEARANCE");
    // The editor that moved it carries on from the version the move returned.
    const opened = await getStyle(prisma, `RN-${w.n}`);
    expect(opened?.style.version).toBe(moved.version);
    expect(await atsOf(emp.id)).toBe(7);
    expect(await atsOf(web.id)).toBe(7);
    const events = await prisma.channelFeedEvent.findMany({
      where: { channelId: emp.id, skuId: skuRow.id },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(events[0]).toMatchObject({ ats: 7, cause: "policy" });
    const product = await prisma.product.findUniqueOrThrow({ where: { styleCode: `RN-${w.n}` } });
    expect((await auditOf(prisma, product.id)).at(-1)).toMatchObject({
      action: "SET_LIFECYCLE",
      before: { lifecycle: "NEW" },
      after: { lifecycle: "CLEARANCE" },
    });
    expect(
      await refusalOf(() =>
        setLifecycle(prisma, { styleCode: "NOPE-1", lifecycle: "NEW" }, w.actor),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusalOf(() =>
        setLifecycle(prisma, { styleCode: `RN-${w.n}`, lifecycle: "SALE" as "NEW" }, w.actor),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("sets and clears per-channel prices in fen; unknown channel or SKU changes nothing", async () => {
    const prisma = db();
    const w = await world(prisma);
    const web = await prisma.channel.create({
      data: {
        code: `PWEB${w.n}`,
        name: "Web",
        nameZh: "官网",
        kind: "WEB",
        priority: 1,
        organizationId: w.org.id,
      },
    });
    const input = styleInput(w.n, w.category.slug);
    await createStyle(prisma, input, w.actor);
    const styleCode = `RN-${w.n}`;
    await setChannelPrice(prisma, { styleCode, channelCode: web.code, priceYuan: 499 }, w.actor);
    const one = input.skus[1]?.skuCode ?? "";
    await setChannelPrice(
      prisma,
      { styleCode, skuCode: one, channelCode: web.code, priceYuan: "459.9" as unknown as number },
      w.actor,
    );
    const prices = await prisma.channelPrice.findMany({
      where: { channelId: web.id },
      include: { sku: { select: { skuCode: true } } },
      orderBy: { sku: { sizeOrder: "asc" } },
    });
    expect(prices.map((p) => [p.sku.skuCode, p.price])).toEqual([
      [input.skus[0]?.skuCode, 49_900],
      [one, 45_990],
    ]);
    expect(
      await refusalOf(() =>
        setChannelPrice(prisma, { styleCode, channelCode: "NOPE", priceYuan: 1 }, w.actor),
      ),
    ).toMatchObject({ code: "NOT_FOUND", details: { reason: "CHANNEL" } });
    expect(
      await refusalOf(() =>
        setChannelPrice(prisma, { styleCode, channelCode: web.code, priceYuan: 0 }, w.actor),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await refusalOf(() =>
        setChannelPrice(
          prisma,
          { styleCode, skuCode: "OTHER-1", channelCode: web.code, priceYuan: 5 },
          w.actor,
        ),
      ),
    ).toMatchObject({ code: "NOT_FOUND", details: { reason: "SKU" } });
    await setChannelPrice(prisma, { styleCode, channelCode: web.code, priceYuan: null }, w.actor);
    expect(await prisma.channelPrice.count({ where: { channelId: web.id } })).toBe(0);
  });

  it("makes a bundle of components × quantities; itself, a bundle or a stocked SKU is refused", async () => {
    const prisma = db();
    const w = await world(prisma);
    const parts = styleInput(w.n, w.category.slug);
    await createStyle(prisma, parts, w.actor);
    const kit = styleInput(w.n, w.category.slug, "K");
    await createStyle(prisma, kit, w.actor);
    const [a, b] = parts.skus.map((s) => s.skuCode);
    const [k1, k2] = kit.skus.map((s) => s.skuCode);
    if (!a || !b || !k1 || !k2) throw new Error("codes missing");

    await saveBundle(
      prisma,
      {
        skuCode: k1,
        components: [
          { skuCode: a, quantity: 1 },
          { skuCode: b, quantity: 2 },
        ],
      },
      w.actor,
    );
    const bundle = await prisma.sku.findUniqueOrThrow({
      where: { skuCode: k1 },
      include: { bundleComponents: { include: { component: true } } },
    });
    expect(bundle.isBundle).toBe(true);
    expect(bundle.bundleComponents.map((c) => [c.component.skuCode, c.quantity]).sort()).toEqual([
      [a, 1],
      [b, 2],
    ]);

    expect(
      await refusalOf(() =>
        saveBundle(prisma, { skuCode: k2, components: [{ skuCode: k2, quantity: 1 }] }, w.actor),
      ),
    ).toMatchObject({ details: { reason: "BUNDLE_SELF" } });
    expect(
      await refusalOf(() =>
        saveBundle(prisma, { skuCode: k2, components: [{ skuCode: k1, quantity: 1 }] }, w.actor),
      ),
    ).toMatchObject({
      details: { reason: "BUNDLE_NESTED", skuCode: k1 },
      fieldErrors: { "components.0.skuCode": [{ problem: "INVALID" }] },
    });
    // A component of a bundle cannot itself become one.
    expect(
      await refusalOf(() =>
        saveBundle(prisma, { skuCode: a, components: [{ skuCode: k2, quantity: 1 }] }, w.actor),
      ),
    ).toMatchObject({ details: { reason: "BUNDLE_NESTED", skuCode: a } });
    expect(
      await refusalOf(() =>
        saveBundle(
          prisma,
          { skuCode: k2, components: [{ skuCode: "NOPE-1", quantity: 1 }] },
          w.actor,
        ),
      ),
    ).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { "components.0.skuCode": [{ problem: "INVALID" }] },
    });
    expect(
      await refusalOf(() =>
        saveBundle(prisma, { skuCode: k2, components: [{ skuCode: a, quantity: 0 }] }, w.actor),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    await receiveInbound(prisma, { skuCode: k2, nodeId: w.node.id, quantity: 1 });
    expect(
      await refusalOf(() =>
        saveBundle(prisma, { skuCode: k2, components: [{ skuCode: a, quantity: 1 }] }, w.actor),
      ),
    ).toMatchObject({ details: { reason: "BUNDLE_HAS_STOCK" } });
    const k2Row = await prisma.sku.findUniqueOrThrow({ where: { skuCode: k2 } });
    expect(k2Row.isBundle).toBe(false);
    expect(await prisma.bundleComponent.count({ where: { bundleSkuId: k2Row.id } })).toBe(0);
  });

  it("opens a presale with a whole cap and a ship date; a fractional cap or no date is refused", async () => {
    const prisma = db();
    const w = await world(prisma);
    const input = styleInput(w.n, w.category.slug);
    await createStyle(prisma, input, w.actor);
    const skuCode = input.skus[0]?.skuCode ?? "";
    const saved = await setPresale(
      prisma,
      { skuCode, enabled: true, cap: 50, shipDate: "2027-01-15" },
      w.actor,
    );
    expect(saved).toMatchObject({ enabled: true, cap: 50, shipDate: "2027-01-15", sold: 0 });
    const row = await prisma.sku.findUniqueOrThrow({ where: { skuCode } });
    expect(row.presaleShipDate?.toISOString()).toBe("2027-01-15T00:00:00.000Z");
    expect((await auditOf(prisma, row.id)).at(-1)).toMatchObject({ action: "SET_PRESALE" });

    for (const bad of [
      { skuCode, enabled: true, cap: 2.5, shipDate: "2027-01-15" },
      { skuCode, enabled: true, cap: -1, shipDate: "2027-01-15" },
      { skuCode, enabled: true, cap: 5, shipDate: "" },
      { skuCode, enabled: true, cap: 5, shipDate: "2027-13-40" },
    ]) {
      expect(await refusalOf(() => setPresale(prisma, bad, w.actor))).toMatchObject({
        code: "INVALID_INPUT",
      });
    }
    expect(
      await refusalOf(() =>
        setPresale(prisma, { skuCode: "NOPE-1", enabled: false, cap: 0 }, w.actor),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.sku.findUniqueOrThrow({ where: { skuCode } })).toMatchObject({
      presaleCap: 50,
      presaleEnabled: true,
    });
  });
});
