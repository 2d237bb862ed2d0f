import { expect, it, vi } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { isAppError } from "@/lib/errors/app-error";
import { adjustStock } from "@/lib/inventory/adjust-stock.server";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { createWorld } from "@/lib/reservations/test-world";
import { setStockSettings } from "./set-stock-settings.server";

vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) =>
      isAppError(e) ? `${e.code}:${String(e.details?.reason ?? "")}` : `ERROR:${String(e)}`,
  );

describeIfPostgres("stock adjustments racing on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  it("adjustments and reservations at once never leave on hand below reserved", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["n1"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { n1: 20 } } },
    });
    const [node, sku] = [w.node("n1"), w.sku("tee")];
    const adjustments = Array.from({ length: 12 }, () =>
      outcome(
        adjustStock(
          prisma,
          { nodeId: node, skuId: sku, delta: -2, reason: "DAMAGE" },
          {
            userId: null,
          },
        ),
      ),
    );
    const reservations = Array.from({ length: 12 }, () =>
      outcome(
        reserveStock(prisma, {
          channelId: w.channel("web"),
          skuId: sku,
          nodeId: node,
          quantity: 1,
          kind: "CHECKOUT_HOLD",
        }),
      ),
    );
    const adjusted = await Promise.all(adjustments);
    const reserved = await Promise.all(reservations);
    for (const r of adjusted) expect(["ok", "INVALID_INPUT:BELOW_RESERVED"]).toContain(r);
    for (const r of reserved) expect(r === "ok" || r.startsWith("OUT_OF_STOCK")).toBe(true);
    const level = await prisma.stockLevel.findUniqueOrThrow({
      where: { nodeId_skuId: { nodeId: node, skuId: sku } },
    });
    const okAdjustments = adjusted.filter((r) => r === "ok").length;
    const okReservations = reserved.filter((r) => r === "ok").length;
    expect(level.onHand).toBe(20 - 2 * okAdjustments);
    expect(level.reserved).toBe(okReservations);
    expect(level.onHand).toBeGreaterThanOrEqual(level.reserved);
    // 20 units cannot cover 24 claims of 1–2 units: some of each kind were refused.
    expect(2 * okAdjustments + okReservations).toBeLessThanOrEqual(20);
    expect(await reconcileLedger(prisma, { skuIds: [sku] })).toEqual([]);
  });

  it("two admins saving the same level at once: the second is refused, nothing lost", async () => {
    const prisma = db();
    const w = await createWorld(prisma, {
      nodes: ["n1"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { n1: 20 } } },
    });
    const at = { nodeId: w.node("n1"), skuId: w.sku("tee") };
    const { version } = await prisma.stockLevel.findUniqueOrThrow({
      where: { nodeId_skuId: at },
    });
    const actor = { userId: null };
    const settings = await Promise.all([
      outcome(setStockSettings(prisma, { ...at, safetyStock: 3, displayMin: 1, version }, actor)),
      outcome(setStockSettings(prisma, { ...at, safetyStock: 5, displayMin: 2, version }, actor)),
    ]);
    expect(settings.sort()).toEqual(["CONFLICT:CHANGED_MEANWHILE", "ok"]);
    const next = version + 1;
    const adjustments = await Promise.all([
      outcome(adjustStock(prisma, { ...at, delta: 4, reason: "FOUND", version: next }, actor)),
      outcome(adjustStock(prisma, { ...at, delta: -4, reason: "DAMAGE", version: next }, actor)),
    ]);
    expect(adjustments.sort()).toEqual(["CONFLICT:CHANGED_MEANWHILE", "ok"]);
    const level = await prisma.stockLevel.findUniqueOrThrow({ where: { nodeId_skuId: at } });
    expect(level.version).toBe(version + 2);
    expect([16, 24]).toContain(level.onHand);
    expect(await prisma.auditEntry.count({ where: { entityId: `${at.nodeId}/${at.skuId}` } })).toBe(
      2,
    );
    expect(await reconcileLedger(prisma, { skuIds: [at.skuId] })).toEqual([]);
  });
});
