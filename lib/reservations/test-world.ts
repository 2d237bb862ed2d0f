import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AllocationMode, Lifecycle, ProtectedStrategy } from "@/lib/generated/prisma/enums";

// Test support: builds the smallest set of rows a stock test needs. Every id carries a random
// suffix, so many worlds live side by side in one database; policies are scoped to the world's
// category and tier rules to its SKUs, so one world's configuration never reaches another's.

type PolicySpec = {
  mode: AllocationMode;
  ratioBps?: number;
  fixedQty?: number;
  safetyBuffer?: number;
};
type StockSpec = number | { onHand: number; safetyStock?: number };

export type WorldSpec = {
  nodes: string[];
  inactiveNodes?: string[];
  channels: Record<
    string,
    { priority: number; policy: PolicySpec | null; skuPolicies?: Record<string, PolicySpec> }
  >;
  skus: Record<
    string,
    { stock?: Record<string, StockSpec>; lifecycle?: Lifecycle; presaleCap?: number }
  >;
  bundles?: Record<string, Record<string, number>>;
  tierRule?: { threshold: number; strategy: ProtectedStrategy };
};

export type World = {
  node: (key: string) => string;
  channel: (key: string) => string;
  sku: (key: string) => string;
  skuIds: string[];
};

/** Creates a world's rows; stock arrives as RECEIPT movements so the ledger reconciles. */
export async function createWorld(db: PrismaClient, spec: WorldSpec): Promise<World> {
  const suffix = randomBytes(5).toString("hex");
  const id = (kind: string, key: string) => `${kind}_${key}_${suffix}`;
  const world: World = {
    node: (key) => id("node", key),
    channel: (key) => id("ch", key),
    sku: (key) => id("sku", key),
    skuIds: [...Object.keys(spec.skus), ...Object.keys(spec.bundles ?? {})].map((k) =>
      id("sku", k),
    ),
  };
  const org = id("org", "brand");
  await db.organization.create({
    data: { id: org, code: org, name: "Brand", nameZh: "品牌", kind: "BRAND" },
  });
  await db.category.create({
    data: { id: id("cat", "c"), slug: id("cat", "c"), name: "Shoes", nameZh: "鞋" },
  });
  await db.product.create({
    data: {
      id: id("prod", "p"),
      styleCode: id("prod", "p"),
      name: "Runner",
      nameZh: "跑鞋",
      description: "-",
      descriptionZh: "-",
      categoryId: id("cat", "c"),
      gender: "U",
      lifecycle: "IN_SEASON",
      listPrice: 59_900,
      imagePath: "/x.png",
    },
  });
  await db.node.createMany({
    data: [...spec.nodes, ...(spec.inactiveNodes ?? [])].map((key) => ({
      id: world.node(key),
      code: world.node(key),
      name: key,
      nameZh: key,
      type: "STORE_DIRECT" as const,
      organizationId: org,
      city: "Shanghai",
      cityZh: "上海",
      district: "Jing'an",
      address: "-",
      latitude: 31.23,
      longitude: 121.47,
      shipsExpress: true,
      offersPickup: true,
      dailyCapacity: 100,
      costPerShipment: 800,
      active: !(spec.inactiveNodes ?? []).includes(key),
    })),
  });
  for (const [key, c] of Object.entries(spec.channels)) {
    await db.channel.create({
      data: {
        id: world.channel(key),
        code: world.channel(key),
        name: key,
        nameZh: key,
        kind: "WEB",
        priority: c.priority,
        organizationId: org,
      },
    });
  }
  const allSkus = {
    ...spec.skus,
    ...Object.fromEntries(Object.keys(spec.bundles ?? {}).map((k) => [k, {}])),
  };
  for (const [key, s] of Object.entries(allSkus)) {
    const presaleCap = "presaleCap" in s ? s.presaleCap : undefined;
    await db.sku.create({
      data: {
        id: world.sku(key),
        productId: id("prod", "p"),
        skuCode: world.sku(key),
        barcode: world.sku(key),
        color: "Black",
        colorZh: "黑",
        colorHex: "#000000",
        size: key,
        isBundle: key in (spec.bundles ?? {}),
        presaleEnabled: presaleCap !== undefined,
        presaleCap: presaleCap ?? 0,
      },
    });
    if (spec.tierRule) {
      await db.tierSwitchRule.create({
        data: { scope: "SKU", skuId: world.sku(key), ...spec.tierRule },
      });
    }
  }
  const policy = (p: PolicySpec) => ({
    mode: p.mode,
    ratioBps: p.ratioBps ?? null,
    fixedQty: p.fixedQty ?? null,
    safetyBuffer: p.safetyBuffer ?? 0,
  });
  for (const [key, c] of Object.entries(spec.channels)) {
    const channelId = world.channel(key);
    if (c.policy) {
      await db.allocationPolicy.create({
        data: { channelId, scope: "CATEGORY", categoryId: id("cat", "c"), ...policy(c.policy) },
      });
    }
    for (const [skuKey, p] of Object.entries(c.skuPolicies ?? {})) {
      await db.allocationPolicy.create({
        data: { channelId, scope: "SKU", skuId: world.sku(skuKey), ...policy(p) },
      });
    }
  }
  for (const [bundle, parts] of Object.entries(spec.bundles ?? {})) {
    await db.bundleComponent.createMany({
      data: Object.entries(parts).map(([component, quantity]) => ({
        bundleSkuId: world.sku(bundle),
        componentSkuId: world.sku(component),
        quantity,
      })),
    });
  }
  for (const [key, s] of Object.entries(spec.skus)) {
    for (const [nodeKey, stock] of Object.entries(s.stock ?? {})) {
      const { onHand, safetyStock = 0 } = typeof stock === "number" ? { onHand: stock } : stock;
      const where = { nodeId: world.node(nodeKey), skuId: world.sku(key) };
      await db.stockLevel.create({ data: { ...where, onHand, safetyStock } });
      await db.stockMovement.create({
        data: {
          ...where,
          kind: "RECEIPT",
          onHandDelta: onHand,
          reason: "opening stock",
          documentType: "TEST",
          documentId: suffix,
        },
      });
    }
  }
  return world;
}

/** Everything a refused request must leave untouched, for before/after comparisons. */
export async function stockState(db: PrismaClient, skuIds: readonly string[]) {
  const where = { skuId: { in: [...skuIds] } };
  const [levels, movements, reservations, skus] = await Promise.all([
    db.stockLevel.findMany({
      where,
      orderBy: [{ nodeId: "asc" }, { skuId: "asc" }],
      select: {
        nodeId: true,
        skuId: true,
        onHand: true,
        reserved: true,
        inbound: true,
        version: true,
      },
    }),
    db.stockMovement.count({ where }),
    db.reservation.findMany({
      where,
      orderBy: { id: "asc" },
      select: { id: true, status: true, kind: true, expiresAt: true },
    }),
    db.sku.findMany({
      where: { id: { in: [...skuIds] } },
      orderBy: { id: "asc" },
      select: { id: true, presaleSold: true },
    }),
  ]);
  return { levels, movements, reservations, skus };
}

/** reserved at one node for one SKU. */
export async function levelOf(db: PrismaClient, nodeId: string, skuId: string) {
  return db.stockLevel.findUniqueOrThrow({ where: { nodeId_skuId: { nodeId, skuId } } });
}

/** The AppError a refused call threw; fails the test if it succeeded or threw something else. */
export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal, but the call succeeded");
}
