import { addDays } from "date-fns";
import { expect, it } from "vitest";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { refusalOf } from "@/lib/reservations/test-world";
import { receiveReturn } from "./receive-return.server";
import { refundReturn, RETURN_POINTS_REASON } from "./refund-return.server";
import { requestReturn } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";
import { pointsToTakeBack, type RequestReturnInput } from "./return-rules";
import {
  BUYER_PHONE,
  counterBooks,
  createCounterWorld,
  deliveredOrder,
  ordersOffTheBooks,
  sameCityOrder,
  settlementIdentity,
  type CounterWorld,
} from "./testing/counter-world";
import { takeWalkInReturn } from "./walk-in-return.server";

type DeliveredOrder = Awaited<ReturnType<typeof deliveredOrder>>;

/**
 * Returns at the counter and their refunds, shared by the PGlite and PostgreSQL runs: orders are
 * placed, paid (demo provider) and delivered through the real use cases, so each payment and
 * refund is booked in the settlement ledger as in production.
 */
export function defineCounterTests(db: () => PrismaClient): void {
  const lineOf = (w: CounterWorld, order: DeliveredOrder, sku: string) => {
    const line = order.lines.find((l) => l.skuId === w.sku(sku));
    if (!line) throw new Error(`no ${sku} line`);
    return line;
  };

  const ask = (
    w: CounterWorld,
    order: DeliveredOrder,
    mode: RequestReturnInput["mode"],
    lines: [string, number][],
    now?: Date,
  ) =>
    requestReturn(db(), {
      userId: w.memberUserId,
      request: {
        orderNo: order.orderNo,
        mode,
        reason: "WRONG_SIZE",
        lines: lines.map(([sku, quantity]) => ({
          orderLineId: lineOf(w, order, sku).id,
          quantity,
        })),
      },
      ...(now ? { now } : {}),
    });

  /** The return's lines, by the SKU key of the world. */
  const returnLinesOf = async (w: CounterWorld, returnId: string) => {
    const lines = await db().returnLine.findMany({
      where: { returnId },
      select: { id: true, orderLine: { select: { skuId: true } } },
    });
    return (sku: string) => {
      const line = lines.find((l) => l.orderLine.skuId === w.sku(sku));
      if (!line) throw new Error(`no ${sku} on the return`);
      return line.id;
    };
  };

  const level = async (nodeId: string, skuId: string) =>
    (await db().stockLevel.findUnique({
      where: { nodeId_skuId: { nodeId, skuId } },
      select: { onHand: true, reserved: true },
    })) ?? null;

  const balanceOf = async (memberId: string) =>
    (await db().member.findUniqueOrThrow({ where: { id: memberId } })).pointsBalance;

  /** A refusal with its code and reason that leaves every table as it was. */
  async function refusedUnchanged(
    work: () => Promise<unknown>,
    code: string,
    reason: string | undefined,
  ): Promise<AppError> {
    const before = await counterBooks(db());
    const error = await refusalOf(work());
    expect([error.code, error.details?.reason]).toEqual([code, reason]);
    expect(await counterBooks(db())).toEqual(before);
    return error;
  }

  it("store B takes back a return of store A's order by its code: restock, damaged, refunded once", async () => {
    const prisma = db();
    const w = await createCounterWorld(prisma);
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
    );
    expect(order.method).toBe("SAME_CITY");
    expect(order.fulfilmentOrders).toEqual([{ nodeId: w.storeA, status: "DELIVERED" }]);
    expect(order.status).toBe("COMPLETED");
    const tee = lineOf(w, order, "tee");
    const rare = lineOf(w, order, "rare");
    const goodsPaid = order.total - order.shippingFee;
    expect(goodsPaid).toBe(tee.lineTotal + rare.lineTotal);
    expect(order.pointsEarned).toBeGreaterThan(0);

    const asked = await ask(w, order, "AT_STORE", [
      ["tee", 1],
      ["rare", 1],
    ]);
    expect(asked.returnCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const unitPrice = tee.lineTotal / 2;
    expect(asked.refundAmount).toBe(unitPrice + rare.lineTotal);

    // At store B's counter the buyer shows the code; the return is found by it.
    const found = await prisma.return.findUniqueOrThrow({
      where: { returnCode: asked.returnCode! },
      select: { id: true, status: true, orderId: true },
    });
    expect(found).toEqual({ id: asked.returnId, status: "REQUESTED", orderId: order.id });
    const lineFor = await returnLinesOf(w, found.id);
    const teeAtB = await level(w.storeB, w.sku("tee"));
    const rareAtB = await level(w.storeB, w.sku("rare"));
    const atA = {
      tee: await level(w.storeA, w.sku("tee")),
      rare: await level(w.storeA, w.sku("rare")),
    };
    const movementsBefore = await prisma.stockMovement.count();
    const received = await receiveReturn(prisma, {
      actor: w.staffB,
      receipt: {
        returnId: found.id,
        // Staff receive at their own store whatever node they name.
        nodeId: w.storeA,
        lines: [
          { returnLineId: lineFor("tee"), decision: "RESTOCK" },
          { returnLineId: lineFor("rare"), decision: "DAMAGED" },
        ],
      },
    });
    expect(received).toEqual({
      returnId: found.id,
      rmaNo: asked.rmaNo,
      status: "RECEIVED",
      refundAmount: unitPrice + rare.lineTotal,
      restocked: 1,
      damaged: 1,
      refused: 0,
    });
    expect(await level(w.storeB, w.sku("tee"))).toEqual({
      onHand: teeAtB!.onHand + 1,
      reserved: teeAtB!.reserved,
    });
    // Damaged goods are recorded, not stocked anywhere; store A's shelf is not touched.
    expect(await level(w.storeB, w.sku("rare"))).toEqual(rareAtB);
    expect(await level(w.storeA, w.sku("tee"))).toEqual(atA.tee);
    expect(await level(w.storeA, w.sku("rare"))).toEqual(atA.rare);
    expect(await prisma.stockMovement.count()).toBe(movementsBefore + 1);
    const movement = await prisma.stockMovement.findFirstOrThrow({
      where: { kind: "RETURN", documentId: asked.rmaNo },
    });
    expect(movement).toMatchObject({
      nodeId: w.storeB,
      skuId: w.sku("tee"),
      onHandDelta: 1,
      documentType: "RETURN",
      actorUserId: w.staffB.id,
    });
    expect(await reconcileLedger(prisma)).toEqual([]);
    const stored = await prisma.return.findUniqueOrThrow({
      where: { id: found.id },
      include: { lines: { select: { id: true, condition: true } } },
    });
    expect(stored).toMatchObject({
      status: "RECEIVED",
      receivingNodeId: w.storeB,
      receivedById: w.staffB.id,
    });
    expect(Object.fromEntries(stored.lines.map((l) => [l.id, l.condition]))).toEqual({
      [lineFor("tee")]: "RESALABLE",
      [lineFor("rare")]: "DAMAGED",
    });

    const balanceBefore = await balanceOf(w.memberId);
    const refund = received.refundAmount;
    const first = await refundReturn(prisma, { actor: w.staffB, returnId: found.id });
    expect(first).toEqual({ returnId: found.id, refunded: refund, already: false });
    const payments = await prisma.payment.findMany({
      where: { orderId: order.id, kind: "REFUND" },
    });
    expect(payments).toMatchObject([
      { provider: "DEMO", status: "SUCCEEDED", amount: refund, returnId: found.id },
    ]);
    const paidOrder = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paidOrder.paymentStatus).toBe("PARTIALLY_REFUNDED");
    const refundEntries = await prisma.settlementEntry.findMany({
      where: { paymentId: payments[0]!.id },
    });
    expect(refundEntries.reduce((s, e) => s + e.amount, 0)).toBe(-refund);
    expect(refundEntries.every((e) => e.returnId === found.id && e.orderId === order.id)).toBe(
      true,
    );
    expect(refundEntries.find((e) => e.kind === "REFUND")).toMatchObject({
      organizationId: w.brandOrg,
      amount: -refund,
    });
    // Store A's fulfilment fee goes back in proportion, as a balanced pair.
    const fee = refundEntries.filter((e) => e.kind === "FULFILMENT_FEE");
    expect(fee).toHaveLength(2);
    expect(fee.reduce((s, e) => s + e.amount, 0)).toBe(0);
    expect(fee.find((e) => e.organizationId === w.orgA)!.amount).toBeLessThan(0);
    expect((await prisma.return.findUniqueOrThrow({ where: { id: found.id } })).status).toBe(
      "REFUNDED",
    );
    const taken = pointsToTakeBack({
      pointsEarned: order.pointsEarned,
      goodsPaid,
      refundedGoods: refund,
      takenBefore: 0,
    });
    expect(taken).toBeGreaterThan(0);
    const pointsBack = await prisma.pointsEntry.findMany({
      where: { orderId: order.id, reason: RETURN_POINTS_REASON },
    });
    expect(pointsBack.map((p) => p.delta)).toEqual([-taken]);
    expect(await balanceOf(w.memberId)).toBe(balanceBefore - taken);

    // Pressed again, by the same or by an admin: already done, nothing new anywhere.
    const snapshot = await counterBooks(prisma);
    expect(await refundReturn(prisma, { actor: w.staffB, returnId: found.id })).toEqual({
      returnId: found.id,
      refunded: 0,
      already: true,
    });
    expect(await refundReturn(prisma, { actor: w.admin, returnId: found.id })).toMatchObject({
      already: true,
    });
    expect(await counterBooks(prisma)).toEqual(snapshot);

    // The last tee, online: an admin receives it at the warehouse; the delivery fee comes back.
    const last = await ask(w, order, "ONLINE", [["tee", 1]]);
    expect(last.returnCode).toBeNull();
    const lastLine = await returnLinesOf(w, last.returnId);
    const teeAtWh = await level(w.node("wh"), w.sku("tee"));
    const receivedLast = await receiveReturn(prisma, {
      actor: w.admin,
      receipt: {
        returnId: last.returnId,
        nodeId: w.node("wh"),
        lines: [{ returnLineId: lastLine("tee"), decision: "RESTOCK" }],
      },
    });
    expect(receivedLast.refundAmount).toBe(unitPrice + order.shippingFee);
    expect(await level(w.node("wh"), w.sku("tee"))).toEqual({
      onHand: teeAtWh!.onHand + 1,
      reserved: teeAtWh!.reserved,
    });
    expect(await refundReturn(prisma, { actor: w.admin, returnId: last.returnId })).toEqual({
      returnId: last.returnId,
      refunded: unitPrice + order.shippingFee,
      already: false,
    });
    const done = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { settlement: true },
    });
    expect(done.paymentStatus).toBe("REFUNDED");
    // Everything given back: the order's books come to zero, organisation by organisation.
    expect(done.settlement.reduce((s, e) => s + e.amount, 0)).toBe(0);
    const byOrg = new Map<string, number>();
    for (const e of done.settlement)
      byOrg.set(e.organizationId, (byOrg.get(e.organizationId) ?? 0) + e.amount);
    expect([...byOrg.values()].every((v) => v === 0)).toBe(true);
    const allBack = await prisma.pointsEntry.aggregate({
      where: { orderId: order.id, reason: RETURN_POINTS_REASON },
      _sum: { delta: true },
    });
    expect(allBack._sum.delta).toBe(-order.pointsEarned);
    expect(await reconcileLedger(prisma)).toEqual([]);
  });

  it("refuses bad counter input with a typed reason and changes nothing", async () => {
    const prisma = db();
    const w = await createCounterWorld(prisma);
    const delivered = new Date();
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
      delivered,
    );

    // More than bought.
    const above = await refusedUnchanged(
      () => ask(w, order, "AT_STORE", [["tee", 3]]),
      "INVALID_INPUT",
      "ABOVE_RETURNABLE",
    );
    expect(above.details).toMatchObject({ returnable: 2 });

    const teeReturn = await ask(w, order, "AT_STORE", [["tee", 1]]);
    const rareReturn = await ask(w, order, "ONLINE", [["rare", 1]]);
    const teeLine = (await returnLinesOf(w, teeReturn.returnId))("tee");
    const rareLine = (await returnLinesOf(w, rareReturn.returnId))("rare");

    // More than is left after the earlier return.
    const left = await refusedUnchanged(
      () => ask(w, order, "AT_STORE", [["tee", 2]]),
      "INVALID_INPUT",
      "ABOVE_RETURNABLE",
    );
    expect(left.details).toMatchObject({ returnable: 1 });
    await refusedUnchanged(
      () => ask(w, order, "AT_STORE", [["rare", 1]]),
      "INVALID_INPUT",
      "ABOVE_RETURNABLE",
    );

    // After the window: RETURN_WINDOW_CLOSED, for a request as for a walk-in.
    const late = addDays(delivered, env.RETURN_WINDOW_DAYS + 1);
    const closed = await refusedUnchanged(
      () => ask(w, order, "AT_STORE", [["tee", 1]], late),
      "CONFLICT",
      "RETURN_WINDOW_CLOSED",
    );
    expect(closed.details).toMatchObject({ days: env.RETURN_WINDOW_DAYS });
    await refusedUnchanged(
      () =>
        takeWalkInReturn(prisma, {
          actor: w.staffB,
          now: late,
          walkIn: {
            orderNo: order.orderNo,
            contact: BUYER_PHONE,
            reason: "OTHER",
            lines: [{ orderLineId: lineOf(w, order, "tee").id, quantity: 1, decision: "RESTOCK" }],
          },
        }),
      "CONFLICT",
      "RETURN_WINDOW_CLOSED",
    );

    const receipt = (actor: ReturnActor, returnLineId = teeLine, nodeId?: string) =>
      receiveReturn(prisma, {
        actor,
        receipt: {
          returnId: teeReturn.returnId,
          ...(nodeId ? { nodeId } : {}),
          lines: [{ returnLineId, decision: "RESTOCK" }],
        },
      });

    // Refunding before the goods were received.
    const early = await refusedUnchanged(
      () => refundReturn(prisma, { actor: w.admin, returnId: teeReturn.returnId }),
      "CONFLICT",
      "RETURN_STATE",
    );
    expect(early.details).toMatchObject({ status: "REQUESTED" });
    // Buyers and employees do not take returns.
    await refusedUnchanged(() => receipt(w.consumer), "FORBIDDEN", "STORE_STAFF_ONLY");
    await refusedUnchanged(() => receipt(w.employee), "FORBIDDEN", "STORE_STAFF_ONLY");
    // An admin receives at a warehouse, not at a store.
    await refusedUnchanged(
      () => receipt(w.admin, teeLine, w.storeA),
      "INVALID_INPUT",
      "NOT_A_WAREHOUSE",
    );
    // A line of another return.
    await refusedUnchanged(() => receipt(w.staffB, rareLine), "NOT_FOUND", "RETURN_LINE");
    // The same, the other way round: the tee return's line offered for the rare return.
    await refusedUnchanged(
      () =>
        receiveReturn(prisma, {
          actor: w.admin,
          receipt: {
            returnId: rareReturn.returnId,
            nodeId: w.node("wh"),
            lines: [{ returnLineId: teeLine, decision: "RESTOCK" }],
          },
        }),
      "NOT_FOUND",
      "RETURN_LINE",
    );
    // A return that does not exist.
    await refusedUnchanged(
      () => refundReturn(prisma, { actor: w.admin, returnId: "no-such-return" }),
      "NOT_FOUND",
      "RETURN",
    );
    // A walk-in with a phone that is not the buyer's, or an order number that does not exist.
    const walkIn = (orderNo: string, contact: string) =>
      takeWalkInReturn(prisma, {
        actor: w.staffB,
        walkIn: {
          orderNo,
          contact,
          reason: "OTHER",
          lines: [{ orderLineId: lineOf(w, order, "tee").id, quantity: 1, decision: "RESTOCK" }],
        },
      });
    await refusedUnchanged(() => walkIn(order.orderNo, "+86 139 9999 9999"), "NOT_FOUND", "ORDER");
    await refusedUnchanged(() => walkIn("T-NO-SUCH-ORDER", BUYER_PHONE), "NOT_FOUND", "ORDER");

    // Received once at store B; a second press, there or at store A, is refused.
    const received = await receipt(w.staffB);
    expect(received.status).toBe("RECEIVED");
    const twice = await refusedUnchanged(() => receipt(w.staffB), "CONFLICT", "RETURN_STATE");
    expect(twice.details).toMatchObject({ status: "RECEIVED" });
    await refusedUnchanged(() => receipt(w.staffA), "CONFLICT", "RETURN_STATE");
    // Store A's staff cannot pay back what store B took in.
    await refusedUnchanged(
      () => refundReturn(prisma, { actor: w.staffA, returnId: teeReturn.returnId }),
      "FORBIDDEN",
      "OTHER_STORE",
    );
    await refusedUnchanged(
      () => refundReturn(prisma, { actor: w.consumer, returnId: teeReturn.returnId }),
      "FORBIDDEN",
      "OTHER_STORE",
    );
    expect(
      await refundReturn(prisma, { actor: w.staffB, returnId: teeReturn.returnId }),
    ).toMatchObject({ refunded: received.refundAmount, already: false });
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
  });

  it("refuses a refused line without a reason as INVALID_INPUT, changing nothing", async () => {
    const prisma = db();
    const w = await createCounterWorld(prisma);
    const order = await deliveredOrder(prisma, w, sameCityOrder(w, [["tee", 1]]));
    const asked = await ask(w, order, "AT_STORE", [["tee", 1]]);
    const line = (await returnLinesOf(w, asked.returnId))("tee");
    const before = await counterBooks(prisma);
    const error = await receiveReturn(prisma, {
      actor: w.staffB,
      receipt: { returnId: asked.returnId, lines: [{ returnLineId: line, decision: "REFUSE" }] },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(await counterBooks(prisma)).toEqual(before);
    expect(
      error,
      "receiveReturn should refuse through parseInput with a typed AppError, not a bare ZodError",
    ).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID_INPUT");
    expect(Object.keys((error as AppError).fieldErrors ?? {})).toEqual(["lines.0.refuseReason"]);
  });

  it("a return with every line refused is REJECTED, refunds nothing, and its units can be returned again", async () => {
    const prisma = db();
    const w = await createCounterWorld(prisma);
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 1],
        ["rare", 1],
      ]),
    );
    const asked = await ask(w, order, "AT_STORE", [
      ["tee", 1],
      ["rare", 1],
    ]);
    const lineFor = await returnLinesOf(w, asked.returnId);
    const before = await counterBooks(prisma);
    const received = await receiveReturn(prisma, {
      actor: w.staffB,
      receipt: {
        returnId: asked.returnId,
        lines: [
          { returnLineId: lineFor("tee"), decision: "REFUSE", refuseReason: "Worn outside" },
          { returnLineId: lineFor("rare"), decision: "REFUSE", refuseReason: "Not our item" },
        ],
      },
    });
    expect(received).toMatchObject({
      status: "REJECTED",
      refundAmount: 0,
      restocked: 0,
      damaged: 0,
      refused: 2,
    });
    const after = await counterBooks(prisma);
    expect({ ...after, returns: [], returnLines: [] }).toEqual({
      ...before,
      returns: [],
      returnLines: [],
    });
    const stored = await prisma.return.findUniqueOrThrow({
      where: { id: asked.returnId },
      include: { lines: true },
    });
    expect(stored).toMatchObject({ status: "REJECTED", refundAmount: 0 });
    expect(stored.lines.map((l) => [l.condition, l.refuseReason]).sort()).toEqual([
      ["REFUSED", "Not our item"],
      ["REFUSED", "Worn outside"],
    ]);
    const refused = await refusedUnchanged(
      () => refundReturn(prisma, { actor: w.staffB, returnId: asked.returnId }),
      "CONFLICT",
      "RETURN_STATE",
    );
    expect(refused.details).toMatchObject({ status: "REJECTED" });

    // The refused units are the buyer's again: they may be returned, and this time one is taken.
    const again = await ask(w, order, "AT_STORE", [
      ["tee", 1],
      ["rare", 1],
    ]);
    const againLine = await returnLinesOf(w, again.returnId);
    const partly = await receiveReturn(prisma, {
      actor: w.staffB,
      receipt: {
        returnId: again.returnId,
        lines: [
          { returnLineId: againLine("tee"), decision: "RESTOCK" },
          { returnLineId: againLine("rare"), decision: "REFUSE", refuseReason: "Stained" },
        ],
      },
    });
    const tee = lineOf(w, order, "tee");
    expect(partly).toMatchObject({ status: "RECEIVED", refundAmount: tee.lineTotal, refused: 1 });
    expect(await refundReturn(prisma, { actor: w.staffB, returnId: again.returnId })).toMatchObject(
      { refunded: tee.lineTotal },
    );
    // The rare refused at the counter is still returnable.
    const third = await ask(w, order, "ONLINE", [["rare", 1]]);
    expect(third.refundAmount).toBe(lineOf(w, order, "rare").lineTotal);
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
  });

  it("a walk-in customer returns at store B with the order number and their phone or email", async () => {
    const prisma = db();
    const w = await createCounterWorld(prisma);
    const order = await deliveredOrder(
      prisma,
      w,
      sameCityOrder(w, [
        ["tee", 2],
        ["rare", 1],
      ]),
    );
    const teeAtB = await level(w.storeB, w.sku("tee"));
    const received = await takeWalkInReturn(prisma, {
      actor: w.staffB,
      walkIn: {
        orderNo: order.orderNo,
        // The buyer's phone, typed without spaces.
        contact: "+8613800000000",
        reason: "CHANGED_MIND",
        lines: [
          { orderLineId: lineOf(w, order, "tee").id, quantity: 2, decision: "RESTOCK" },
          { orderLineId: lineOf(w, order, "rare").id, quantity: 0, decision: "RESTOCK" },
        ],
      },
    });
    const tee = lineOf(w, order, "tee");
    expect(received).toMatchObject({
      status: "RECEIVED",
      refundAmount: tee.lineTotal,
      restocked: 2,
    });
    expect(await level(w.storeB, w.sku("tee"))).toEqual({
      onHand: teeAtB!.onHand + 2,
      reserved: teeAtB!.reserved,
    });
    const stored = await prisma.return.findUniqueOrThrow({ where: { id: received.returnId } });
    expect(stored).toMatchObject({
      atStore: true,
      returnCode: null,
      receivingNodeId: w.storeB,
      status: "RECEIVED",
    });
    expect(await refundReturn(prisma, { actor: w.staffB, returnId: received.returnId })).toEqual({
      returnId: received.returnId,
      refunded: tee.lineTotal,
      already: false,
    });
    expect(await reconcileLedger(prisma)).toEqual([]);
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
  });

  it("refuses a return's refund above what is left to refund on the order", async () => {
    const prisma = db();
    const w = await createCounterWorld(prisma);
    const order = await deliveredOrder(prisma, w, sameCityOrder(w, [["tee", 1]]));
    const asked = await ask(w, order, "AT_STORE", [["tee", 1]]);
    const line = (await returnLinesOf(w, asked.returnId))("tee");
    const received = await receiveReturn(prisma, {
      actor: w.staffB,
      receipt: { returnId: asked.returnId, lines: [{ returnLineId: line, decision: "RESTOCK" }] },
    });
    // The last units back: the goods and the delivery fee, all that was paid.
    expect(received.refundAmount).toBe(order.total);
    // Meanwhile the whole order was refunded another way (customer service).
    expect(await refundOrderPayment(prisma, { orderId: order.id, reason: "goodwill" })).toEqual({
      refunded: order.total,
    });
    const error = await refusedUnchanged(
      () => refundReturn(prisma, { actor: w.staffB, returnId: asked.returnId }),
      "INVALID_INPUT",
      "REFUND_ABOVE_PAID",
    );
    expect(error.details).toMatchObject({ refundable: 0 });
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
  });

  it("the settlement books equal what was paid less what was refunded, across the database", async () => {
    const prisma = db();
    const { booked, expected } = await settlementIdentity(prisma);
    expect(booked).toBe(expected);
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
  });
}
