import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The rows every scenario shares: a brand, its nodes and two channels. */
export type BenchBase = {
  nodeIds: string[];
  /** Sells every SKU of the category from the shared remainder. */
  webChannelId: string;
  /** Sells only SKUs it has a SKU-scoped policy for (the allocation scenarios). */
  liveChannelId: string;
  productId: string;
};

const ORG = "bench_org";
const CATEGORY = "bench_cat";

/** Creates the organisation, category, product, `nodeCount` nodes and the two channels. */
export async function createBenchBase(db: PrismaClient, nodeCount: number): Promise<BenchBase> {
  await db.organization.create({
    data: { id: ORG, code: ORG, name: "Bench brand", nameZh: "基准品牌", kind: "BRAND" },
  });
  await db.category.create({
    data: { id: CATEGORY, slug: CATEGORY, name: "Shoes", nameZh: "鞋" },
  });
  const productId = "bench_prod";
  await db.product.create({
    data: {
      id: productId,
      styleCode: productId,
      name: "Limited runner",
      nameZh: "限量跑鞋",
      description: "-",
      descriptionZh: "-",
      categoryId: CATEGORY,
      gender: "U",
      lifecycle: "NEW",
      listPrice: 129_900,
      imagePath: "/x.png",
    },
  });
  const nodeIds = Array.from({ length: nodeCount }, (_, i) => `bench_node_${i + 1}`);
  await db.node.createMany({
    data: nodeIds.map((id, i) => ({
      id,
      code: id,
      name: id,
      nameZh: id,
      type: i === 0 ? ("CENTRAL_WAREHOUSE" as const) : ("STORE_DIRECT" as const),
      organizationId: ORG,
      city: "Shanghai",
      cityZh: "上海",
      district: "Jing'an",
      address: "-",
      latitude: 31.23,
      longitude: 121.47,
      shipsExpress: true,
      offersPickup: i > 0,
      dailyCapacity: 10_000,
      costPerShipment: 800,
    })),
  });
  const channel = (id: string, priority: number) => ({
    id,
    code: id,
    name: id,
    nameZh: id,
    kind: "WEB" as const,
    priority,
    organizationId: ORG,
  });
  await db.channel.createMany({
    data: [channel("bench_live", 1), channel("bench_web", 2)],
  });
  await db.allocationPolicy.create({
    data: { channelId: "bench_web", scope: "CATEGORY", categoryId: CATEGORY, mode: "SHARED" },
  });
  return { nodeIds, webChannelId: "bench_web", liveChannelId: "bench_live", productId };
}

/** Splits `units` over the nodes, the first nodes holding more (as a warehouse would). */
export function spreadUnits(units: number, nodeCount: number): number[] {
  const weights = Array.from({ length: nodeCount }, (_, i) => nodeCount - i);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((units * w) / total));
  shares[0] = (shares[0] ?? 0) + units - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/**
 * Creates one hot SKU with `units` on hand over the nodes (as RECEIPT movements, so the ledger
 * reconciles). With `liveAllocation`, the live channel gets a FIXED policy for this SKU alone.
 */
export async function createHotSku(
  db: PrismaClient,
  base: BenchBase,
  key: string,
  units: number,
  liveAllocation?: number,
): Promise<string> {
  const skuId = `bench_sku_${key}`;
  await db.sku.create({
    data: {
      id: skuId,
      productId: base.productId,
      skuCode: skuId,
      barcode: skuId,
      color: "Black",
      colorZh: "黑",
      colorHex: "#000000",
      size: "42",
    },
  });
  const shares = spreadUnits(units, base.nodeIds.length);
  await db.stockLevel.createMany({
    data: base.nodeIds.map((nodeId, i) => ({ nodeId, skuId, onHand: shares[i] ?? 0 })),
  });
  await db.stockMovement.createMany({
    data: base.nodeIds.map((nodeId, i) => ({
      nodeId,
      skuId,
      kind: "RECEIPT" as const,
      onHandDelta: shares[i] ?? 0,
      reason: "opening stock",
      documentType: "BENCH",
      documentId: key,
    })),
  });
  if (liveAllocation !== undefined) {
    await db.allocationPolicy.create({
      data: {
        channelId: base.liveChannelId,
        scope: "SKU",
        skuId,
        mode: "FIXED",
        fixedQty: liveAllocation,
      },
    });
  }
  return skuId;
}
