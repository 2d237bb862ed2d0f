import { expect, it, vi } from "vitest";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { AppError } from "@/lib/errors/app-error";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { cancelTransfer } from "./cancel-transfer.server";
import { createTransfer } from "./create-transfer.server";
import { receiveTransfer } from "./receive-transfer.server";
import { shipTransfer } from "./ship-transfer.server";
import { countersOf, createTransferWorld, setFloors } from "./testing/transfer-world";
import { defineTransferTests } from "./transfers.contract";

const feed = vi.hoisted(() => ({ notified: 0 }));
vi.mock("@/lib/feed/feed-publisher.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/feed/feed-publisher.server")>()),
  notifyStockChanged: () => {
    feed.notified++;
  },
}));

/** Settles calls started together; anything but a typed refusal fails the test. */
async function settle<T>(calls: Promise<T>[]): Promise<{ ok: T[]; refused: AppError[] }> {
  const ok: T[] = [];
  const refused: AppError[] = [];
  for (const s of await Promise.allSettled(calls)) {
    if (s.status === "fulfilled") ok.push(s.value);
    else if (s.reason instanceof AppError) refused.push(s.reason);
    else throw s.reason;
  }
  return { ok, refused };
}

/** Samples the lowest onHand − reserved of the SKU while `work` runs. */
async function lowestWhile<T>(db: PrismaClient, skuId: string, work: () => Promise<T>) {
  let lowest = Number.POSITIVE_INFINITY;
  let running = true;
  const watcher = (async () => {
    while (running) {
      const [row] = await db.$queryRaw<{ low: number | null }[]>`
        SELECT MIN("onHand" - "reserved")::int AS low FROM "StockLevel"
        WHERE "skuId" IN (${Prisma.join([skuId])})`;
      lowest = Math.min(lowest, row?.low ?? lowest);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  try {
    return { result: await work(), lowest: () => lowest };
  } finally {
    running = false;
    await watcher;
  }
}

describeIfPostgres("transfer orders on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 16 });
  defineTransferTests(db, () => feed.notified);

  it("a shipment racing reservations of the same SKU never takes on hand below reserved", async () => {
    const prisma = db();
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      const w = await createTransferWorld(prisma);
      const at = { nodeId: w.node("a"), skuId: w.sku("tee") };
      // 20 on hand, a shelf minimum of 2: 18 may leave, 12 are planned.
      await setFloors(prisma, at, { displayMin: 2 });
      const draft = await createTransfer(prisma, {
        actor: w.admin,
        transfer: {
          fromNodeId: at.nodeId,
          toNodeId: w.node("b"),
          reason: "race",
          lines: [{ skuId: at.skuId, quantity: 12 }],
        },
      });
      const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      // Ten reservations of one unit, 3 ms apart, and the shipment, a little later each round:
      // it meets them at every stage (before any, among them, after all).
      const reserve = (i: number) => async () => {
        await later(i * 3);
        return reserveStock(prisma, {
          channelId: w.channel("web"),
          skuId: at.skuId,
          nodeId: at.nodeId,
          quantity: 1,
          kind: "CHECKOUT_HOLD",
        });
      };
      const ship = async () => {
        await later(round * 4);
        return shipTransfer(prisma, { actor: w.admin, transferId: draft.transferId });
      };
      const calls: (() => Promise<unknown>)[] = Array.from({ length: 10 }, (_, i) => reserve(i));
      calls.splice(round, 0, ship);
      const { result, lowest } = await lowestWhile(prisma, at.skuId, () =>
        Promise.allSettled(calls.map((call) => call())),
      );
      const shipment = result[round]!;
      const holds = result.filter((_, i) => i !== round);
      for (const s of result)
        if (s.status === "rejected" && !(s.reason instanceof AppError)) throw s.reason;
      const reserved = holds.filter((s) => s.status === "fulfilled").length;
      const shipped = shipment.status === "fulfilled";
      for (const s of holds)
        if (s.status === "rejected") expect((s.reason as AppError).code).toBe("OUT_OF_STOCK");
      const refusedShipment = shipment.status === "rejected" ? (shipment.reason as AppError) : null;
      if (refusedShipment)
        expect([refusedShipment.code, refusedShipment.details?.reason]).toEqual([
          "OUT_OF_STOCK",
          "SOURCE_SHORT",
        ]);
      const level = await countersOf(prisma, at.nodeId, at.skuId);
      expect(lowest()).toBeGreaterThanOrEqual(0);
      expect(level!.onHand).toBeGreaterThanOrEqual(level!.reserved);
      expect(level!.reserved).toBe(reserved);
      expect(level!.onHand).toBe(shipped ? 8 : 20);
      // Either the shipment found at most 6 units reserved (20 − 12 ≥ reserved + 2), or it was
      // refused with what it could give then.
      if (refusedShipment) expect(refusedShipment.details?.available).toBeLessThan(12);
      expect(reserved + (shipped ? 12 : 0)).toBeLessThanOrEqual(20);
      expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
      outcomes.push(`${shipped ? "shipped" : "refused"}+${reserved}`);
    }
    console.info(`[race] shipment started 0-28 ms late: ${outcomes.join(", ")}`);
  });

  it("two admins shipping one transfer at once ship it once", async () => {
    const prisma = db();
    const w = await createTransferWorld(prisma);
    const draft = await createTransfer(prisma, {
      actor: w.admin,
      transfer: {
        fromNodeId: w.node("wh"),
        toNodeId: w.node("a"),
        reason: "replenish",
        lines: [{ skuId: w.sku("tee"), quantity: 10 }],
      },
    });
    const { ok, refused } = await settle(
      Array.from({ length: 6 }, () =>
        shipTransfer(prisma, { actor: w.admin, transferId: draft.transferId }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => [r.code, r.details?.reason, r.details?.status])).toEqual(
      Array.from({ length: 5 }, () => ["CONFLICT", "TRANSFER_STATE", "SHIPPED"]),
    );
    expect(await countersOf(prisma, w.node("wh"), w.sku("tee"))).toMatchObject({ onHand: 40 });
    expect(await countersOf(prisma, w.node("a"), w.sku("tee"))).toMatchObject({ inbound: 10 });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a receipt racing a cancellation: exactly one wins and the books reconcile", async () => {
    const prisma = db();
    for (let round = 0; round < 6; round++) {
      const w = await createTransferWorld(prisma);
      const draft = await createTransfer(prisma, {
        actor: w.admin,
        transfer: {
          fromNodeId: w.node("a"),
          toNodeId: w.node("b"),
          reason: "race",
          lines: [{ skuId: w.sku("tee"), quantity: 4 }],
        },
      });
      await shipTransfer(prisma, { actor: w.admin, transferId: draft.transferId });
      const receipt = receiveTransfer(prisma, {
        actor: w.staffB,
        receipt: {
          transferId: draft.transferId,
          lines: [{ lineId: draft.lines[0]!.lineId, receivedQty: 4 }],
        },
      });
      const cancel = cancelTransfer(prisma, { actor: w.admin, transferId: draft.transferId });
      const { ok, refused } = await settle<unknown>(
        round % 2 === 0 ? [receipt, cancel] : [cancel, receipt],
      );
      expect(ok).toHaveLength(1);
      expect(refused.map((r) => [r.code, r.details?.reason])).toEqual([
        ["CONFLICT", "TRANSFER_STATE"],
      ]);
      const { status } = await prisma.transferOrder.findUniqueOrThrow({
        where: { id: draft.transferId },
      });
      const [a, b] = [
        await countersOf(prisma, w.node("a"), w.sku("tee")),
        await countersOf(prisma, w.node("b"), w.sku("tee")),
      ];
      if (status === "RECEIVED") expect([a?.onHand, b?.onHand, b?.inbound]).toEqual([16, 9, 0]);
      else expect([status, a?.onHand, b?.onHand, b?.inbound]).toEqual(["CANCELLED", 20, 5, 0]);
      expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
    }
  });
});
