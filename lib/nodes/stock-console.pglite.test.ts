import { describe, expect, it, vi } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { expectedAts, publishedAts } from "@/lib/feed/feed-test-support";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { createWorld } from "@/lib/reservations/test-world";
import { adjustStock } from "@/lib/inventory/adjust-stock.server";
import { listStockLevels, listStockMovements } from "@/lib/inventory/list-stock-levels.server";
import { setStockSettings } from "./set-stock-settings.server";

// Node writes revalidate the stores cache tag, which lives in Next's request context.
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
async function stockWorld(prisma: PrismaClient) {
  const n = ++counter;
  const admin = await prisma.user.create({
    data: {
      email: `stock-${n}-${Date.now()}@test.dev`,
      name: "HQ",
      passwordHash: "-",
      role: "ADMIN",
    },
  });
  const world = await createWorld(prisma, {
    nodes: ["n1", "n2"],
    channels: {
      web: { priority: 1, policy: { mode: "SHARED" } },
      jd: { priority: 2, policy: { mode: "RATIO", ratioBps: 3000 } },
    },
    skus: { tee: { stock: { n1: 10, n2: 5 } } },
    bundles: { kit: { tee: 1 } },
  });
  return { admin, world, actor: { userId: admin.id } };
}

/** The level, its ledger sum and the audit count: what a refusal must leave as it was. */
async function snapshot(prisma: PrismaClient, nodeId: string, skuId: string) {
  const level = await prisma.stockLevel.findUnique({ where: { nodeId_skuId: { nodeId, skuId } } });
  const movements = await prisma.stockMovement.count({ where: { nodeId, skuId } });
  const audits = await prisma.auditEntry.count({ where: { entityId: `${nodeId}/${skuId}` } });
  return { level, movements, audits };
}

describe("stock console", () => {
  const db = useMigratedDatabase("pglite");

  it("adjusts on hand with an ADJUSTMENT movement, an audit entry and a published ATS", async () => {
    const prisma = db();
    const { admin, world, actor } = await stockWorld(prisma);
    const [node, sku] = [world.node("n1"), world.sku("tee")];
    await publishFeed(prisma);
    const before = await publishedAts(prisma, [sku]);
    const webBefore = before.get(`${world.channel("web")}/${sku}`) ?? 0;
    expect(webBefore).toBeGreaterThan(0);
    const version = (await snapshot(prisma, node, sku)).level?.version ?? -1;

    const done = await adjustStock(
      prisma,
      { nodeId: node, skuId: sku, delta: -3, reason: "DAMAGE", note: "wet carton", version },
      actor,
    );
    expect(done).toMatchObject({ onHand: 7, reserved: 0, version: version + 1 });
    const movement = await prisma.stockMovement.findFirstOrThrow({
      where: { nodeId: node, skuId: sku, kind: "ADJUSTMENT" },
    });
    expect(movement).toMatchObject({
      onHandDelta: -3,
      reservedDelta: 0,
      reason: "DAMAGE: wet carton",
      documentType: "ADJUSTMENT",
      documentId: done.documentId,
      actorUserId: admin.id,
    });
    const [audit] = await prisma.auditEntry.findMany({ where: { entityId: `${node}/${sku}` } });
    expect(audit).toMatchObject({ entity: "STOCK_LEVEL", action: "ADJUST", actorUserId: admin.id });
    expect(audit?.before).toMatchObject({ onHand: 10 });
    expect(audit?.after).toMatchObject({ onHand: 7, delta: -3, reason: "DAMAGE" });

    // Published like any stock change: the feed reads the movement.
    await publishFeed(prisma);
    const after = await publishedAts(prisma, [sku]);
    expect(after.get(`${world.channel("web")}/${sku}`)).toBeLessThan(webBefore);
    expect(after).toEqual(await expectedAts(prisma, [sku]));

    const ledger = await listStockMovements(prisma, { nodeId: node, skuId: sku });
    expect(ledger[0]).toMatchObject({ kind: "ADJUSTMENT", onHandDelta: -3 });
    const sum = ledger.reduce((s, m) => s + m.onHandDelta, 0);
    expect(sum).toBe(7);
  });

  it("books found stock at a node that held none of the SKU", async () => {
    const prisma = db();
    const { world, actor } = await stockWorld(prisma);
    const other = await createWorld(prisma, {
      nodes: ["n9"],
      channels: {},
      skus: { x: {} },
    });
    const done = await adjustStock(
      prisma,
      { nodeId: other.node("n9"), skuId: world.sku("tee"), delta: 4, reason: "FOUND" },
      actor,
    );
    expect(done).toMatchObject({ onHand: 4, reserved: 0 });
  });

  it("refuses to take on hand below what is reserved, or below 0, changing nothing", async () => {
    const prisma = db();
    const { world, actor } = await stockWorld(prisma);
    const [node, sku] = [world.node("n1"), world.sku("tee")];
    await reserveStock(prisma, {
      channelId: world.channel("web"),
      skuId: sku,
      quantity: 6,
      nodeId: node,
      kind: "CHECKOUT_HOLD",
      ttlSeconds: 600,
    });
    const before = await snapshot(prisma, node, sku);
    expect(before.level).toMatchObject({ onHand: 10, reserved: 6 });

    const below = await refusalOf(() =>
      adjustStock(prisma, { nodeId: node, skuId: sku, delta: -5, reason: "DAMAGE" }, actor),
    );
    expect(below.code).toBe("INVALID_INPUT");
    expect(below.details).toMatchObject({ reason: "BELOW_RESERVED", onHand: 10, reserved: 6 });
    expect(below.fieldErrors?.delta).toEqual([
      { problem: "TOO_SMALL", of: "number", minimum: -4, inclusive: true },
    ]);
    const negative = await refusalOf(() =>
      adjustStock(
        prisma,
        { nodeId: world.node("n2"), skuId: sku, delta: -6, reason: "COUNT_CORRECTION" },
        actor,
      ),
    );
    expect(negative.details).toMatchObject({ reason: "BELOW_RESERVED", onHand: 5, reserved: 0 });
    expect(await snapshot(prisma, node, sku)).toEqual(before);

    // Exactly down to what is reserved is allowed.
    const edge = await adjustStock(
      prisma,
      { nodeId: node, skuId: sku, delta: -4, reason: "COUNT_CORRECTION" },
      actor,
    );
    expect(edge).toMatchObject({ onHand: 6, reserved: 6 });
  });

  it("refuses a missing reason, a zero or fractional change, unknown ids, a bundle and a stale version", async () => {
    const prisma = db();
    const { world, actor } = await stockWorld(prisma);
    const [node, sku] = [world.node("n1"), world.sku("tee")];
    const before = await snapshot(prisma, node, sku);
    const base = { nodeId: node, skuId: sku, delta: 2, reason: "FOUND" as const };

    const noReason = await refusalOf(() =>
      adjustStock(prisma, { ...base, reason: undefined as unknown as "FOUND" }, actor),
    );
    expect(noReason.code).toBe("INVALID_INPUT");
    expect(noReason.fieldErrors?.reason).toEqual([{ problem: "REQUIRED" }]);
    const badReason = await refusalOf(() =>
      adjustStock(prisma, { ...base, reason: "THEFT" as unknown as "FOUND" }, actor),
    );
    expect(badReason.fieldErrors?.reason).toEqual([{ problem: "NOT_AN_OPTION" }]);
    const zero = await refusalOf(() => adjustStock(prisma, { ...base, delta: 0 }, actor));
    expect(zero.fieldErrors?.delta).toBeTruthy();
    const fraction = await refusalOf(() => adjustStock(prisma, { ...base, delta: 1.5 }, actor));
    expect(fraction.fieldErrors?.delta).toEqual([{ problem: "NOT_INTEGER" }]);

    const unknownNode = await refusalOf(() =>
      adjustStock(prisma, { ...base, nodeId: "node_missing" }, actor),
    );
    expect([unknownNode.code, unknownNode.details?.reason]).toEqual(["NOT_FOUND", "NODE"]);
    const unknownSku = await refusalOf(() =>
      adjustStock(prisma, { ...base, skuId: "sku_missing" }, actor),
    );
    expect([unknownSku.code, unknownSku.details?.reason]).toEqual(["NOT_FOUND", "SKU"]);
    const bundle = await refusalOf(() =>
      adjustStock(prisma, { ...base, skuId: world.sku("kit") }, actor),
    );
    expect(bundle.details?.reason).toBe("IS_BUNDLE");

    const stale = await refusalOf(() =>
      adjustStock(prisma, { ...base, version: (before.level?.version ?? 0) + 5 }, actor),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details?.reason).toBe("CHANGED_MEANWHILE");
    expect(await snapshot(prisma, node, sku)).toEqual(before);
    expect(await prisma.stockLevel.count({ where: { skuId: world.sku("kit") } })).toBe(0);
  });

  it("sets safety stock and display minimum by version, audited, ATS republished", async () => {
    const prisma = db();
    const { admin, world, actor } = await stockWorld(prisma);
    const [node, sku] = [world.node("n1"), world.sku("tee")];
    await publishFeed(prisma);
    const [atsBefore] = await computeChannelAts(prisma, { skuIds: [sku] });
    expect(atsBefore?.poolAvailable).toBe(15);
    const version = (await snapshot(prisma, node, sku)).level?.version ?? -1;
    const saved = await setStockSettings(
      prisma,
      { nodeId: node, skuId: sku, safetyStock: 4, displayMin: 2, version },
      actor,
    );
    expect(saved).toEqual({ safetyStock: 4, displayMin: 2, version: version + 1 });
    const [audit] = await prisma.auditEntry.findMany({ where: { entityId: `${node}/${sku}` } });
    expect(audit).toMatchObject({ action: "SET_LEVELS", actorUserId: admin.id });
    expect(audit?.before).toEqual({ safetyStock: 0, displayMin: 0 });
    expect(audit?.after).toEqual({ safetyStock: 4, displayMin: 2 });
    // Published in the same transaction: the snapshot already reflects the pool of 15 − 4.
    const [ats] = await computeChannelAts(prisma, { skuIds: [sku] });
    expect(ats?.poolAvailable).toBe(11);
    expect(await publishedAts(prisma, [sku])).toEqual(await expectedAts(prisma, [sku]));

    const { rows } = await listStockLevels(prisma, { nodeId: node });
    expect(rows.find((r) => r.skuId === sku)).toMatchObject({
      onHand: 10,
      safetyStock: 4,
      displayMin: 2,
      available: 6,
      version: version + 1,
    });

    const before = await snapshot(prisma, node, sku);
    const stale = await refusalOf(() =>
      setStockSettings(
        prisma,
        { nodeId: node, skuId: sku, safetyStock: 9, displayMin: 0, version },
        actor,
      ),
    );
    expect(stale.details?.reason).toBe("CHANGED_MEANWHILE");
    const negative = await refusalOf(() =>
      setStockSettings(
        prisma,
        { nodeId: node, skuId: sku, safetyStock: -1, displayMin: 0.5, version: version + 1 },
        actor,
      ),
    );
    expect(negative.fieldErrors?.safetyStock?.[0]).toMatchObject({ problem: "TOO_SMALL" });
    expect(negative.fieldErrors?.displayMin).toEqual([{ problem: "NOT_INTEGER" }]);
    const missing = await refusalOf(() =>
      setStockSettings(
        prisma,
        { nodeId: "node_missing", skuId: sku, safetyStock: 1, displayMin: 0, version: 0 },
        actor,
      ),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect(await snapshot(prisma, node, sku)).toEqual(before);
  });
});
