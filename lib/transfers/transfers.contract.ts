import { expect, it } from "vitest";
import type { AppError } from "@/lib/errors/app-error";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { refusalOf } from "@/lib/reservations/test-world";
import { cancelTransfer } from "./cancel-transfer.server";
import { createTransfer } from "./create-transfer.server";
import { listIncomingTransfers, listTransfers } from "./list-transfers.server";
import { receiveTransfer } from "./receive-transfer.server";
import { shipTransfer } from "./ship-transfer.server";
import {
  countersOf,
  createTransferWorld,
  setFloors,
  transferBooks,
  type TransferWorld,
} from "./testing/transfer-world";
import type { TransferActor } from "./transfer-rules";

/**
 * Transfer orders through the stock engine, shared by the PGlite and PostgreSQL runs.
 * `notifications` counts the calls of notifyStockChanged (mocked by the test file).
 */
export function defineTransferTests(db: () => PrismaClient, notifications: () => number): void {
  const plan = (
    w: TransferWorld,
    lines: [string, number][],
    route: { from?: string; to?: string; actor?: TransferActor } = {},
  ) =>
    createTransfer(db(), {
      actor: route.actor ?? w.admin,
      transfer: {
        fromNodeId: w.node(route.from ?? "a"),
        toNodeId: w.node(route.to ?? "b"),
        reason: "rebalance before the weekend",
        lines: lines.map(([sku, quantity]) => ({ skuId: w.sku(sku), quantity })),
      },
    });

  const ship = (w: TransferWorld, transferId: string, actor = w.admin) =>
    shipTransfer(db(), { actor, transferId });

  const cancel = (w: TransferWorld, transferId: string, actor = w.admin) =>
    cancelTransfer(db(), { actor, transferId });

  /** Counts every line of a transfer in: `counts` by SKU key, in full where not given. */
  const receive = async (
    w: TransferWorld,
    transferId: string,
    actor: TransferActor,
    counts: Record<string, number> = {},
  ) => {
    const lines = await db().transferLine.findMany({
      where: { transferId },
      orderBy: { id: "asc" },
    });
    const key = (skuId: string) => Object.keys(counts).find((k) => w.sku(k) === skuId);
    return receiveTransfer(db(), {
      actor,
      receipt: {
        transferId,
        lines: lines.map((l) => {
          const k = key(l.skuId);
          return { lineId: l.id, receivedQty: k === undefined ? l.quantity : counts[k]! };
        }),
      },
    });
  };

  const counters = (w: TransferWorld, node: string, sku: string) =>
    countersOf(db(), w.node(node), w.sku(sku));

  const expectReconciled = async (w: TransferWorld) =>
    expect(await reconcileLedger(db(), { skuIds: w.skuIds })).toEqual([]);

  const movementsOf = (transferNo: string) =>
    db().stockMovement.findMany({
      where: { documentType: "TRANSFER", documentId: transferNo },
      orderBy: { id: "asc" },
      select: {
        nodeId: true,
        skuId: true,
        kind: true,
        onHandDelta: true,
        reservedDelta: true,
        inboundDelta: true,
        reason: true,
      },
    });

  const atsOf = async (w: TransferWorld, sku: string) =>
    (
      await db().channelAts.findUnique({
        where: { channelId_skuId: { channelId: w.channel("web"), skuId: w.sku(sku) } },
      })
    )?.ats ?? 0;

  /** A refusal with its code and reason that leaves levels, ledger and transfers as they were. */
  async function refusedUnchanged(
    work: () => Promise<unknown>,
    code: string,
    reason: string,
  ): Promise<AppError> {
    const before = await transferBooks(db());
    const notified = notifications();
    const error = await refusalOf(work());
    expect([error.code, error.details?.reason]).toEqual([code, reason]);
    expect(await transferBooks(db())).toEqual(before);
    expect(notifications()).toBe(notified);
    return error;
  }

  it("plans, ships and receives a transfer: the ledger reconciles after each step and channel ATS follows", async () => {
    const w = await createTransferWorld(db());
    await publishFeed(db());
    expect([await atsOf(w, "tee"), await atsOf(w, "cap")]).toEqual([75, 10]);
    const before = await transferBooks(db());
    const notified = notifications();

    const created = await plan(w, [
      ["tee", 6],
      ["cap", 4],
    ]);
    expect(created.transferNo).toMatch(/^TR\d{8}\d{6}$/);
    expect(created.status).toBe("DRAFT");
    expect(created.lines.map((l) => [l.skuId, l.quantity])).toEqual([
      [w.sku("tee"), 6],
      [w.sku("cap"), 4],
    ]);
    // A draft moves nothing.
    const drafted = await transferBooks(db());
    expect([drafted.levels, drafted.movements]).toEqual([before.levels, before.movements]);
    expect(notifications()).toBe(notified);
    await expectReconciled(w);
    const listed = await listTransfers(db(), { status: "DRAFT", nodeId: w.node("a") });
    expect(listed.transfers.find((t) => t.id === created.transferId)).toMatchObject({
      transferNo: created.transferNo,
      status: "DRAFT",
      from: { id: w.node("a") },
      to: { id: w.node("b") },
      units: 10,
      createdBy: "admin",
      short: false,
    });

    const shipped = await ship(w, created.transferId);
    expect(shipped).toMatchObject({ status: "SHIPPED", transferNo: created.transferNo });
    expect(new Set(shipped.affectedSkuIds)).toEqual(new Set([w.sku("tee"), w.sku("cap")]));
    expect(notifications()).toBe(notified + 1);
    expect(await counters(w, "a", "tee")).toEqual({ onHand: 14, reserved: 0, inbound: 0 });
    expect(await counters(w, "b", "tee")).toEqual({ onHand: 5, reserved: 0, inbound: 6 });
    expect(await counters(w, "a", "cap")).toEqual({ onHand: 6, reserved: 0, inbound: 0 });
    // b never held caps: its level is created by the shipment.
    expect(await counters(w, "b", "cap")).toEqual({ onHand: 0, reserved: 0, inbound: 4 });
    const shippedMoves = await movementsOf(created.transferNo);
    expect(
      shippedMoves.map((m) => [m.kind, m.nodeId, m.skuId, m.onHandDelta, m.inboundDelta]),
    ).toEqual(
      expect.arrayContaining([
        ["TRANSFER_OUT", w.node("a"), w.sku("tee"), -6, 0],
        ["TRANSFER_OUT", w.node("a"), w.sku("cap"), -4, 0],
        ["INBOUND", w.node("b"), w.sku("tee"), 0, 6],
        ["INBOUND", w.node("b"), w.sku("cap"), 0, 4],
      ]),
    );
    expect(shippedMoves).toHaveLength(4);
    await expectReconciled(w);
    await publishFeed(db());
    expect([await atsOf(w, "tee"), await atsOf(w, "cap")]).toEqual([69, 6]);
    const incoming = await listIncomingTransfers(db(), { storeNodeId: w.node("b") });
    expect(incoming.map((t) => t.id)).toEqual([created.transferId]);
    expect(incoming[0]!.lines.map((l) => [l.quantity, l.receivedQty, l.shortBy])).toEqual([
      [6, null, null],
      [4, null, null],
    ]);
    expect(await listIncomingTransfers(db(), { storeNodeId: w.node("a") })).toEqual([]);

    const received = await receive(w, created.transferId, w.staffB);
    expect(received).toMatchObject({ status: "RECEIVED", short: false });
    expect(notifications()).toBe(notified + 2);
    expect(await counters(w, "b", "tee")).toEqual({ onHand: 11, reserved: 0, inbound: 0 });
    expect(await counters(w, "b", "cap")).toEqual({ onHand: 4, reserved: 0, inbound: 0 });
    expect(
      (await movementsOf(created.transferNo))
        .filter((m) => m.kind === "TRANSFER_IN")
        .map((m) => [m.nodeId, m.skuId, m.onHandDelta, m.inboundDelta]),
    ).toEqual(
      expect.arrayContaining([
        [w.node("b"), w.sku("tee"), 6, -6],
        [w.node("b"), w.sku("cap"), 4, -4],
      ]),
    );
    await expectReconciled(w);
    await publishFeed(db());
    expect([await atsOf(w, "tee"), await atsOf(w, "cap")]).toEqual([75, 10]);
    const row = await db().transferOrder.findUniqueOrThrow({ where: { id: created.transferId } });
    expect(row).toMatchObject({ status: "RECEIVED", receivedById: w.staffB.id });
    expect(row.shippedAt).toBeInstanceOf(Date);
    expect(row.receivedAt).toBeInstanceOf(Date);
    expect(await listIncomingTransfers(db(), { storeNodeId: w.node("b") })).toEqual([]);
  });

  it("records a short receipt: on hand rises by what arrived, inbound clears, the shortfall shows", async () => {
    const w = await createTransferWorld(db());
    const created = await plan(w, [
      ["tee", 5],
      ["cap", 2],
    ]);
    await ship(w, created.transferId);
    const received = await receive(w, created.transferId, w.admin, { tee: 3 });
    expect(received.short).toBe(true);
    expect(received.lines.map((l) => [l.skuId, l.quantity, l.receivedQty, l.shortBy])).toEqual([
      [w.sku("tee"), 5, 3, 2],
      [w.sku("cap"), 2, 2, 0],
    ]);
    expect(await counters(w, "a", "tee")).toEqual({ onHand: 15, reserved: 0, inbound: 0 });
    expect(await counters(w, "b", "tee")).toEqual({ onHand: 8, reserved: 0, inbound: 0 });
    const teeIn = (await movementsOf(created.transferNo)).find(
      (m) => m.kind === "TRANSFER_IN" && m.skuId === w.sku("tee"),
    );
    expect(teeIn).toMatchObject({ onHandDelta: 3, inboundDelta: -5 });
    expect(teeIn?.reason).toContain("received 3 of 5");
    await expectReconciled(w);
    const { transfers } = await listTransfers(db(), { status: "RECEIVED", nodeId: w.node("b") });
    const view = transfers.find((t) => t.id === created.transferId);
    expect(view).toMatchObject({ short: true, receivedBy: "admin" });
    expect(view?.lines.map((l) => [l.receivedQty, l.shortBy])).toEqual([
      [3, 2],
      [2, 0],
    ]);
  });

  it("cancels a draft without moving stock, and a shipment by putting its units back", async () => {
    const w = await createTransferWorld(db());
    const draft = await plan(w, [["tee", 2]]);
    const before = await transferBooks(db());
    const notified = notifications();
    const dropped = await cancel(w, draft.transferId);
    expect(dropped).toMatchObject({ status: "CANCELLED", cancelledFrom: "DRAFT" });
    expect(dropped.affectedSkuIds).toEqual([]);
    const after = await transferBooks(db());
    expect([after.levels, after.movements]).toEqual([before.levels, before.movements]);
    expect(notifications()).toBe(notified);

    const created = await plan(w, [
      ["tee", 7],
      ["cap", 2],
    ]);
    await ship(w, created.transferId);
    expect(await counters(w, "a", "tee")).toEqual({ onHand: 13, reserved: 0, inbound: 0 });
    const cancelled = await cancel(w, created.transferId);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelledFrom: "SHIPPED" });
    expect(notifications()).toBe(notified + 2);
    expect(await counters(w, "a", "tee")).toEqual({ onHand: 20, reserved: 0, inbound: 0 });
    expect(await counters(w, "a", "cap")).toEqual({ onHand: 10, reserved: 0, inbound: 0 });
    expect(await counters(w, "b", "tee")).toEqual({ onHand: 5, reserved: 0, inbound: 0 });
    expect(await counters(w, "b", "cap")).toEqual({ onHand: 0, reserved: 0, inbound: 0 });
    const back = (await movementsOf(created.transferNo)).filter(
      (m) => m.nodeId === w.node("a") && m.kind === "TRANSFER_IN",
    );
    expect(back.map((m) => [m.skuId, m.onHandDelta])).toEqual(
      expect.arrayContaining([
        [w.sku("tee"), 7],
        [w.sku("cap"), 2],
      ]),
    );
    for (const m of back) expect(m.reason).toMatch(/cancelled transfer/);
    await expectReconciled(w);
    const row = await db().transferOrder.findUniqueOrThrow({ where: { id: created.transferId } });
    expect(row.cancelledAt).toBeInstanceOf(Date);
  });

  it("refuses a transfer above what the source can give: reserved units, display minimum, safety stock", async () => {
    const w = await createTransferWorld(db());
    const at = { nodeId: w.node("a"), skuId: w.sku("tee") };
    await setFloors(db(), at, { displayMin: 4, safetyStock: 2 });
    const hold = await reserveStock(db(), {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: w.node("a"),
      quantity: 5,
      kind: "CHECKOUT_HOLD",
    });
    expect(hold.reservation.status).toBe("ACTIVE");
    // 20 on hand − 5 reserved − max(2, 4) = 11.
    const short = await refusedUnchanged(
      () =>
        plan(w, [
          ["cap", 1],
          ["tee", 12],
        ]),
      "OUT_OF_STOCK",
      "SOURCE_SHORT",
    );
    expect(short.details).toMatchObject({
      skuId: w.sku("tee"),
      nodeId: w.node("a"),
      requested: 12,
      available: 11,
      product: "Runner",
      size: "tee",
    });
    expect(short.fieldErrors).toEqual({
      "lines.1.quantity": [{ problem: "TOO_BIG", of: "number", maximum: 11, inclusive: true }],
    });
    // Safety stock above the display minimum is what is kept then: 20 − 5 − 7 = 8.
    await setFloors(db(), at, { safetyStock: 7 });
    const safety = await refusedUnchanged(
      () => plan(w, [["tee", 9]]),
      "OUT_OF_STOCK",
      "SOURCE_SHORT",
    );
    expect(safety.details?.available).toBe(8);
    // A node that never held the SKU can give none.
    const none = await refusedUnchanged(
      () => plan(w, [["cap", 1]], { from: "b", to: "a" }),
      "OUT_OF_STOCK",
      "SOURCE_SHORT",
    );
    expect(none.details?.available).toBe(0);

    // 8 is planned; one more unit is reserved before shipping, so the shipment is refused on
    // the stock of then, and the cap line the shipment took first is not taken either.
    const created = await plan(w, [
      ["tee", 8],
      ["cap", 3],
    ]);
    await reserveStock(db(), {
      channelId: w.channel("web"),
      skuId: w.sku("tee"),
      nodeId: w.node("a"),
      quantity: 1,
      kind: "CHECKOUT_HOLD",
    });
    const late = await refusedUnchanged(
      () => ship(w, created.transferId),
      "OUT_OF_STOCK",
      "SOURCE_SHORT",
    );
    expect(late.details).toMatchObject({ requested: 8, available: 7 });
    expect(await counters(w, "a", "cap")).toEqual({ onHand: 10, reserved: 0, inbound: 0 });
    expect(await counters(w, "a", "tee")).toEqual({ onHand: 20, reserved: 6, inbound: 0 });
    expect(
      (await db().transferOrder.findUniqueOrThrow({ where: { id: created.transferId } })).status,
    ).toBe("DRAFT");
    await expectReconciled(w);
  });

  it("refuses the same node, unknown nodes and SKUs, and bundles, writing nothing", async () => {
    const w = await createTransferWorld(db());
    await refusedUnchanged(
      () => plan(w, [["tee", 1]], { from: "a", to: "a" }),
      "INVALID_INPUT",
      "SAME_NODE",
    );
    const node = await refusedUnchanged(
      () => plan(w, [["tee", 1]], { to: "nowhere" }),
      "NOT_FOUND",
      "NODE",
    );
    expect(node.details).toEqual({ reason: "NODE", nodeIds: [w.node("nowhere")] });
    const sku = await refusedUnchanged(
      () =>
        plan(w, [
          ["tee", 1],
          ["ghost", 1],
        ]),
      "NOT_FOUND",
      "SKU",
    );
    expect(sku.fieldErrors).toEqual({ "lines.1.skuId": [{ problem: "INVALID" }] });
    await refusedUnchanged(() => plan(w, [["kit", 1]]), "INVALID_INPUT", "IS_BUNDLE");
    const input = await refusalOf(plan(w, [["tee", 0]]));
    expect(input.code).toBe("INVALID_INPUT");
    expect(Object.keys(input.fieldErrors ?? {})).toEqual(["lines.0.quantity"]);
  });

  it("refuses a step out of order: shipping a cancelled or shipped transfer, receiving a draft, cancelling a received one", async () => {
    const w = await createTransferWorld(db());
    const dropped = await plan(w, [["tee", 1]]);
    await cancel(w, dropped.transferId);
    const cancelled = await refusedUnchanged(
      () => ship(w, dropped.transferId),
      "CONFLICT",
      "TRANSFER_STATE",
    );
    expect(cancelled.details).toEqual({
      reason: "TRANSFER_STATE",
      status: "CANCELLED",
      wanted: "SHIPPED",
    });
    await refusedUnchanged(() => cancel(w, dropped.transferId), "CONFLICT", "TRANSFER_STATE");

    const draft = await plan(w, [["tee", 1]]);
    const early = await refusedUnchanged(
      () => receive(w, draft.transferId, w.staffB),
      "CONFLICT",
      "TRANSFER_STATE",
    );
    expect(early.details?.status).toBe("DRAFT");

    await ship(w, draft.transferId);
    const twice = await refusedUnchanged(
      () => ship(w, draft.transferId),
      "CONFLICT",
      "TRANSFER_STATE",
    );
    expect(twice.details?.status).toBe("SHIPPED");
    await receive(w, draft.transferId, w.staffB);
    const done = await refusedUnchanged(
      () => cancel(w, draft.transferId),
      "CONFLICT",
      "TRANSFER_STATE",
    );
    expect(done.details?.status).toBe("RECEIVED");
    await refusedUnchanged(
      () => receive(w, draft.transferId, w.staffB),
      "CONFLICT",
      "TRANSFER_STATE",
    );
    await refusedUnchanged(() => ship(w, "no-such-transfer"), "NOT_FOUND", "TRANSFER");
    await expectReconciled(w);
  });

  it("refuses counting in more than was shipped, or leaving a line uncounted", async () => {
    const w = await createTransferWorld(db());
    const created = await plan(w, [
      ["tee", 3],
      ["cap", 1],
    ]);
    await ship(w, created.transferId);
    const above = await refusedUnchanged(
      () => receive(w, created.transferId, w.staffB, { tee: 4 }),
      "INVALID_INPUT",
      "ABOVE_SHIPPED",
    );
    expect(above.details).toMatchObject({ skuId: w.sku("tee"), shipped: 3, product: "Runner" });
    const teeLine = created.lines.find((l) => l.skuId === w.sku("tee"))!;
    await refusedUnchanged(
      () =>
        receiveTransfer(db(), {
          actor: w.staffB,
          receipt: {
            transferId: created.transferId,
            lines: [{ lineId: teeLine.lineId, receivedQty: 3 }],
          },
        }),
      "INVALID_INPUT",
      "UNCOUNTED_LINES",
    );
    await expectReconciled(w);
  });

  it("lets only an admin plan, ship and cancel, and only the destination's staff or an admin receive", async () => {
    const w = await createTransferWorld(db());
    await refusedUnchanged(
      () => plan(w, [["tee", 1]], { actor: w.staffA }),
      "FORBIDDEN",
      "ADMIN_ONLY",
    );
    const created = await plan(w, [["tee", 2]]);
    await refusedUnchanged(() => ship(w, created.transferId, w.staffA), "FORBIDDEN", "ADMIN_ONLY");
    await refusedUnchanged(
      () => ship(w, created.transferId, w.consumer),
      "FORBIDDEN",
      "ADMIN_ONLY",
    );
    await ship(w, created.transferId);
    await refusedUnchanged(
      () => cancel(w, created.transferId, w.staffB),
      "FORBIDDEN",
      "ADMIN_ONLY",
    );
    await refusedUnchanged(
      () => receive(w, created.transferId, w.staffA),
      "FORBIDDEN",
      "OTHER_STORE",
    );
    await refusedUnchanged(
      () => receive(w, created.transferId, w.consumer),
      "FORBIDDEN",
      "STORE_STAFF_ONLY",
    );
    const received = await receive(w, created.transferId, w.staffB);
    expect(received.status).toBe("RECEIVED");
    await expectReconciled(w);
  });
}
