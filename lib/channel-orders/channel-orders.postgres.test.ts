import { expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { createChannelOrderWorld, expressOrder } from "./testing/channel-order-world";
import { intakeChannelOrder } from "./intake-channel-order.server";
import { readChannelOrderEvents } from "./read-channel-order-events.server";
import { withTransaction } from "@/lib/db/transaction.server";
import { recordChannelOrderEvent } from "@/lib/order-events/record-channel-order-event.server";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines } from "@/lib/fulfilment/pick-lines.server";
import { verifyPickupCode } from "@/lib/fulfilment/verify-pickup-code.server";

const outcome = (e: unknown) =>
  isAppError(e) ? `${e.code}/${String(e.details?.reason)}` : String(e);

describeIfPostgres("marketplace orders racing on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  it("50 concurrent intakes of one channel order id create one order and reserve once", async () => {
    const prisma = db();
    const w = await createChannelOrderWorld(prisma);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        intakeChannelOrder(prisma, {
          input: { code: w.tm.code, ...expressOrder("TM-RACE-1", w.sku("tee"), 2) },
          stockGate: null,
        }).then((r) => r, outcome),
      ),
    );
    const receipts = answers.filter((a) => typeof a !== "string");
    expect(answers.filter((a) => typeof a === "string")).toEqual([]);
    expect(new Set(receipts.map((r) => r.orderNo)).size).toBe(1);
    expect(receipts.filter((r) => r.created)).toHaveLength(1);
    expect(receipts.every((r) => r.paymentStatus === "PAID")).toBe(true);
    const orders = await prisma.order.findMany({
      where: { channelId: w.tm.id },
      include: { reservations: true, payments: true },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.reservations.map((r) => [r.kind, r.status, r.quantity])).toEqual([
      ["ORDER_ALLOCATION", "ACTIVE", 2],
    ]);
    expect(orders[0]!.payments.map((p) => [p.kind, p.provider, p.amount])).toEqual([
      ["CHARGE", "CHANNEL", 2 * 19_900 + 800],
    ]);
    const reserved = await prisma.stockLevel.aggregate({
      where: { skuId: w.sku("tee") },
      _sum: { reserved: true },
    });
    expect(reserved._sum.reserved).toBe(2);
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("two channels racing for a SKU never sell beyond their allocations", async () => {
    const prisma = db();
    const w = await createChannelOrderWorld(prisma);
    for (const [channelId, fixedQty] of [
      [w.tm.id, 4],
      [w.jd.id, 3],
    ] as const)
      await prisma.allocationPolicy.create({
        data: { channelId, scope: "SKU", skuId: w.sku("tee"), mode: "FIXED", fixedQty },
      });
    const race = (channel: typeof w.tm, i: number) =>
      intakeChannelOrder(prisma, {
        input: { code: channel.code, ...expressOrder(`RACE-${i}`, w.sku("tee")) },
        stockGate: null,
      }).then(() => "placed", outcome);
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => race(i % 2 ? w.tm : w.jd, i)),
    );
    const tm = answers.filter((_, i) => i % 2);
    const jd = answers.filter((_, i) => !(i % 2));
    expect(tm.filter((a) => a === "placed")).toHaveLength(4);
    expect(jd.filter((a) => a === "placed")).toHaveLength(3);
    expect(new Set(answers.filter((a) => a !== "placed"))).toEqual(
      new Set(["OUT_OF_STOCK/ORDER_LINES"]),
    );
    for (const [channel, units] of [
      [w.tm, 4],
      [w.jd, 3],
    ] as const) {
      const held = await prisma.reservation.aggregate({
        where: { channelId: channel.id, skuId: w.sku("tee"), status: "ACTIVE" },
        _sum: { quantity: true },
      });
      expect(held._sum.quantity).toBe(units);
    }
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("a connector following the event cursor during 30 concurrent intakes sees every event once", async () => {
    const prisma = db();
    const w = await createChannelOrderWorld(prisma);
    let done = false;
    const seen: number[] = [];
    const follow = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = done;
        const page = await readChannelOrderEvents(prisma, { code: w.tm.code, since: cursor });
        seen.push(...page.events.map((e) => e.id));
        cursor = page.cursor;
        if (finished && !page.hasMore) return;
        if (!page.hasMore) await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        intakeChannelOrder(prisma, {
          input: { code: w.tm.code, ...expressOrder(`FOLLOW-${i}`, w.sku("tee")) },
          stockGate: null,
        }).then(() => "placed", outcome),
      ),
    );
    done = true;
    await follow;
    expect(answers.every((a) => a === "placed")).toBe(true);
    const stored = await prisma.channelOrderEvent.findMany({
      where: { channelId: w.tm.id },
      orderBy: { id: "asc" },
    });
    expect(stored).toHaveLength(60);
    expect(seen).toEqual(stored.map((e) => e.id));
  });

  it("a store's step and a channel's intake that lock the same stock row in opposite orders never deadlock on the event cursor", async () => {
    const prisma = db();
    const w = await createChannelOrderWorld(prisma);
    const orderIds: string[] = [];
    for (const id of ["LOCK-1", "LOCK-2"]) {
      const receipt = await intakeChannelOrder(prisma, {
        input: { code: w.tm.code, ...expressOrder(id, w.sku("tee")) },
        stockGate: null,
      });
      const order = await prisma.order.findUniqueOrThrow({ where: { orderNo: receipt.orderNo } });
      orderIds.push(order.id);
    }
    const level = await prisma.stockLevel.findFirstOrThrow({ where: { skuId: w.sku("tee") } });
    const lockLevel = (tx: Parameters<Parameters<typeof withTransaction>[1]>[0]) =>
      tx.$queryRaw`SELECT id FROM "StockLevel" WHERE id = ${level.id} FOR UPDATE`;
    const signal = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, opened };
    };
    const aPublished = signal();
    const bLocked = signal();
    // A publishes first, then needs the stock row; B holds the stock row, then publishes. With
    // the cursor locked at publish time this is a lock cycle and PostgreSQL aborts one of them.
    const a = withTransaction(prisma, async (tx) => {
      await recordChannelOrderEvent(tx, {
        orderId: orderIds[0]!,
        kind: "DELIVERED",
        dedupeKey: "A",
      });
      aPublished.open();
      await bLocked.opened;
      await lockLevel(tx);
    });
    const b = withTransaction(prisma, async (tx) => {
      await aPublished.opened;
      await lockLevel(tx);
      bLocked.open();
      await recordChannelOrderEvent(tx, {
        orderId: orderIds[1]!,
        kind: "DELIVERED",
        dedupeKey: "B",
      });
    });
    expect(await Promise.all([a.then(() => "ok", outcome), b.then(() => "ok", outcome)])).toEqual([
      "ok",
      "ok",
    ]);
    const delivered = await prisma.channelOrderEvent.findMany({
      where: { channelId: w.tm.id, kind: "DELIVERED" },
      orderBy: { id: "asc" },
    });
    // B committed first, so its event holds the lower id.
    expect(delivered.map((e) => e.dedupeKey)).toEqual(["B", "A"]);
  });

  it("a store fulfils a marketplace pickup while the channel keeps sending orders; its events arrive in order", async () => {
    const prisma = db();
    const w = await createChannelOrderWorld(prisma);
    const pickup = await intakeChannelOrder(prisma, {
      input: {
        code: w.tm.code,
        ...expressOrder("FULFIL-1", w.sku("tee")),
        method: "PICKUP",
        address: undefined,
        pickupStoreCode: w.node("near"),
      },
      stockGate: null,
    });
    const fo = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { order: { orderNo: pickup.orderNo } },
      include: { lines: true },
    });
    const step = {
      fulfilmentOrderId: fo.id,
      actor: { id: w.staffUserId, role: "STORE_STAFF" as const, storeNodeId: fo.nodeId },
    };
    const storeSteps = (async () => {
      await acceptFulfilment(prisma, step);
      await pickLines(prisma, {
        ...step,
        ticks: fo.lines.map((l) => ({ lineId: l.id, pickedQty: l.quantity })),
      });
      await packFulfilment(prisma, step);
      await markReadyForPickup(prisma, step);
      await verifyPickupCode(prisma, { ...step, code: fo.pickupCode ?? "" });
    })();
    const others = Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        intakeChannelOrder(prisma, {
          input: { code: w.tm.code, ...expressOrder(`BUSY-${i}`, w.sku("tee")) },
          stockGate: null,
        }).then(() => "placed", outcome),
      ),
    );
    const [, placed] = await Promise.all([storeSteps, others]);
    expect(placed.every((a) => a === "placed")).toBe(true);

    const seen: { id: number; channelOrderId: string; kind: string }[] = [];
    for (let cursor = 0; ;) {
      const page = await readChannelOrderEvents(prisma, {
        code: w.tm.code,
        since: cursor,
        limit: 5,
      });
      seen.push(...page.events);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(seen.filter((e) => e.channelOrderId === "FULFIL-1").map((e) => e.kind)).toEqual([
      "ACCEPTED",
      "PAID",
      "READY_FOR_PICKUP",
      "PICKED_UP",
    ]);
    expect(seen).toHaveLength(4 + 12 * 2);
    const ids = seen.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(await reconcileLedger(prisma)).toEqual([]);
  });
});
