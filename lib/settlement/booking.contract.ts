import { addDays } from "date-fns";
import { beforeAll, expect, it } from "vitest";
import {
  createEmployeeWorld,
  employeePickup,
  quotaUsage,
} from "@/lib/employee/testing/employee-world";
import { placeWalkInOrder } from "@/lib/fulfilment/place-walk-in-order.server";
import { STORE_CHANNEL_CODE } from "@/lib/fulfilment/search-endless-aisle.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { placeOrder } from "@/lib/orders/place-order.server";
import { rejectFulfilment } from "@/lib/orders/reject-fulfilment.server";
import { payDemoOrder } from "@/lib/payments/pay-demo-order.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { receiveReturn } from "@/lib/returns/receive-return.server";
import { refundReturn } from "@/lib/returns/refund-return.server";
import { requestReturn } from "@/lib/returns/request-return.server";
import {
  createCounterWorld,
  fulfil,
  ordersOffTheBooks,
  pickupOrder,
  sameCityOrder,
  settlementIdentity,
  type CounterWorld,
} from "@/lib/returns/testing/counter-world";
import { cancelUncollectedPickups } from "@/lib/sweeps/cancel-uncollected-pickups.server";
import { shareAt } from "./settlement-rules";

/**
 * The settlement ledger as payments, refunds and cancellations book it, shared by the PGlite and
 * PostgreSQL runs. Orders go through the real use cases (place, pay, fulfil, return, refund,
 * sweep); each file's database holds only such orders, so the books must add up to the money.
 */
export function defineBookingTests(db: () => PrismaClient): void {
  let w: CounterWorld;
  let aisleChannel: string;

  beforeAll(async () => {
    const prisma = db();
    w = await createCounterWorld(prisma);
    // The store channel of the endless aisle (one per database), selling the world's category.
    const suffix = w.node("near").split("_").pop();
    const channel = await prisma.channel.create({
      data: {
        code: STORE_CHANNEL_CODE,
        name: "Stores",
        nameZh: "门店",
        kind: "STORE_O2O",
        priority: 2,
        organizationId: w.brandOrg,
      },
    });
    await prisma.allocationPolicy.create({
      data: {
        channelId: channel.id,
        scope: "CATEGORY",
        categoryId: `cat_c_${suffix}`,
        mode: "SHARED",
        safetyBuffer: 0,
      },
    });
    aisleChannel = channel.id;
  });

  const entriesOf = (orderId: string) =>
    db().settlementEntry.findMany({
      where: { orderId },
      orderBy: [{ kind: "asc" }, { amount: "desc" }],
    });

  const sumOf = (entries: readonly { amount: number }[]) =>
    entries.reduce((s, e) => s + e.amount, 0);

  const perOrganisation = (entries: readonly { organizationId: string; amount: number }[]) => {
    const out: Record<string, number> = {};
    for (const e of entries) out[e.organizationId] = (out[e.organizationId] ?? 0) + e.amount;
    return out;
  };

  async function paidOrder(options: Parameters<typeof placeOrder>[1], userId = w.memberUserId) {
    const prisma = db();
    const placed = await placeOrder(prisma, options);
    const paid = await payDemoOrder(prisma, {
      orderNo: placed.orderNo,
      userId,
      enabled: true,
      ...(options.now ? { now: options.now } : {}),
    });
    expect(paid.outcome).toBe("PAID");
    return prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { payments: true, lines: true },
    });
  }

  it("a paid order fulfilled by store A books the sales credit to the channel's organisation and a 6 % fee pair", async () => {
    const paidAt = new Date();
    const order = await paidOrder(
      sameCityOrder(
        w,
        [
          ["tee", 2],
          ["rare", 1],
        ],
        paidAt,
      ),
    );
    const charge = order.payments.find((p) => p.kind === "CHARGE")!;
    const goods = order.total - order.shippingFee;
    const fee = shareAt(goods, 600);
    expect(fee).toBe(Math.floor(goods * 0.06));
    const entries = await entriesOf(order.id);
    expect(sumOf(entries)).toBe(order.total);
    expect(
      entries.map((e) => ({
        organizationId: e.organizationId,
        kind: e.kind,
        amount: e.amount,
        channelId: e.channelId,
        nodeId: e.nodeId,
        rateBps: e.rateBps,
        paymentId: e.paymentId,
        returnId: e.returnId,
        createdAt: e.createdAt,
      })),
    ).toEqual([
      {
        organizationId: w.brandOrg,
        kind: "SALES_CREDIT",
        amount: order.total,
        channelId: w.channel("web"),
        nodeId: null,
        rateBps: null,
        paymentId: charge.id,
        returnId: null,
        createdAt: paidAt,
      },
      {
        organizationId: w.orgA,
        kind: "FULFILMENT_FEE",
        amount: fee,
        channelId: null,
        nodeId: w.storeA,
        rateBps: 600,
        paymentId: charge.id,
        returnId: null,
        createdAt: paidAt,
      },
      {
        organizationId: w.brandOrg,
        kind: "FULFILMENT_FEE",
        amount: -fee,
        channelId: w.channel("web"),
        nodeId: w.storeA,
        rateBps: 600,
        paymentId: charge.id,
        returnId: null,
        createdAt: paidAt,
      },
    ]);

    // Refunded in two uneven steps: each refund's entries sum to minus it, the pairs stay
    // balanced, and once all is back every organisation holds nothing from this order.
    const firstRefund = 10_001;
    expect(
      await refundOrderPayment(db(), { orderId: order.id, amount: firstRefund, reason: "partial" }),
    ).toEqual({ refunded: firstRefund });
    const refunds = async () =>
      db().payment.findMany({
        where: { orderId: order.id, kind: "REFUND" },
        orderBy: { createdAt: "asc" },
      });
    const [partial] = await refunds();
    const partialEntries = await db().settlementEntry.findMany({
      where: { paymentId: partial!.id },
    });
    expect(sumOf(partialEntries)).toBe(-firstRefund);
    expect(sumOf(partialEntries.filter((e) => e.kind === "FULFILMENT_FEE"))).toBe(0);
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe(
      "PARTIALLY_REFUNDED",
    );
    expect(await refundOrderPayment(db(), { orderId: order.id, reason: "the rest" })).toEqual({
      refunded: order.total - firstRefund,
    });
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe(
      "REFUNDED",
    );
    const all = await entriesOf(order.id);
    expect(sumOf(all)).toBe(0);
    expect(perOrganisation(all)).toEqual({ [w.brandOrg]: 0, [w.orgA]: 0 });
  });

  it("an endless-aisle order books the guide's commission to their store's organisation, with the guide named", async () => {
    const prisma = db();
    const placed = await placeWalkInOrder(prisma, {
      actor: w.staffA,
      order: {
        method: "PICKUP",
        skuId: w.sku("tee"),
        quantity: 1,
        contactName: "Walk-in",
        contactPhone: "+86 137 0000 0000",
        idempotencyKey: `aisle-${Date.now()}`,
      },
    });
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { payments: true },
    });
    expect(order).toMatchObject({
      channelId: aisleChannel,
      guideUserId: w.staffA.id,
      paymentStatus: "PAID",
    });
    expect(order.payments).toMatchObject([{ provider: "IN_STORE", kind: "CHARGE" }]);
    const goods = order.total - order.shippingFee;
    const commission = shareAt(goods, 300);
    expect(commission).toBeGreaterThan(0);
    const entries = await entriesOf(order.id);
    expect(sumOf(entries)).toBe(order.total);
    const guide = entries.filter((e) => e.kind === "GUIDE_COMMISSION");
    expect(guide).toMatchObject([
      {
        organizationId: w.orgA,
        amount: commission,
        beneficiaryUserId: w.staffA.id,
        rateBps: 300,
      },
      {
        organizationId: w.brandOrg,
        amount: -commission,
        channelId: aisleChannel,
        beneficiaryUserId: w.staffA.id,
        rateBps: 300,
      },
    ]);
    expect(entries.find((e) => e.kind === "SALES_CREDIT")).toMatchObject({
      organizationId: w.brandOrg,
      channelId: aisleChannel,
      amount: order.total,
    });
    // Collected at store A, which also fulfils it: its fee pair too.
    const fee = entries.filter((e) => e.kind === "FULFILMENT_FEE");
    expect(fee.map((e) => [e.organizationId, e.amount])).toEqual([
      [w.orgA, shareAt(goods, 600)],
      [w.brandOrg, -shareAt(goods, 600)],
    ]);
  });

  it("an employee order books the discount from list price as a pair; its refund gives the quota back", async () => {
    const prisma = db();
    const ew = await createEmployeeWorld(prisma, { maxUnits: 5, maxSpend: 500_000, maxPerSku: 3 });
    const employee = await ew.addEmployee("Wang Fang");
    const options = employeePickup(ew, employee.userId, [["tee", 2]]);
    const order = await paidOrder(options, employee.userId);
    const listValue = 2 * 59_900;
    const goods = order.total - order.shippingFee;
    expect(goods).toBeLessThan(listValue);
    const entries = await entriesOf(order.id);
    expect(sumOf(entries)).toBe(order.total);
    const employer = await prisma.employee.findUniqueOrThrow({
      where: { id: employee.employeeId },
    });
    expect(entries.filter((e) => e.kind === "EMPLOYEE_DISCOUNT")).toMatchObject([
      {
        organizationId: (await prisma.channel.findUniqueOrThrow({ where: { id: ew.employeeCode } }))
          .organizationId,
        channelId: ew.employeeCode,
        amount: listValue - goods,
      },
      { organizationId: employer.organizationId, channelId: null, amount: -(listValue - goods) },
    ]);
    const usage = await quotaUsage(prisma, employee.employeeId, order.quotaPeriodKey!);
    expect(usage).toMatchObject({ units: 2, spend: order.total });

    // Collected, one unit brought back to the store and refunded: the quota is given back.
    const staff = {
      id: ew.staffUserId,
      role: "STORE_STAFF" as const,
      storeNodeId: ew.node("near"),
    };
    await fulfil(prisma, order.id, staff);
    const asked = await requestReturn(prisma, {
      userId: employee.userId,
      request: {
        orderNo: order.orderNo,
        mode: "AT_STORE",
        reason: "WRONG_SIZE",
        lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }],
      },
    });
    const line = await prisma.returnLine.findFirstOrThrow({ where: { returnId: asked.returnId } });
    const received = await receiveReturn(prisma, {
      actor: staff,
      receipt: {
        returnId: asked.returnId,
        lines: [{ returnLineId: line.id, decision: "RESTOCK" }],
      },
    });
    expect(received.refundAmount).toBe(goods / 2);
    await refundReturn(prisma, { actor: staff, returnId: asked.returnId });
    expect(await quotaUsage(prisma, employee.employeeId, order.quotaPeriodKey!)).toMatchObject({
      units: 1,
      spend: order.total - goods / 2,
    });
    const refundEntries = await prisma.settlementEntry.findMany({
      where: { returnId: asked.returnId },
    });
    expect(sumOf(refundEntries)).toBe(-goods / 2);
    expect(sumOf(refundEntries.filter((e) => e.kind === "EMPLOYEE_DISCOUNT"))).toBe(0);
    expect(refundEntries.filter((e) => e.kind === "EMPLOYEE_DISCOUNT")).toHaveLength(2);
  });

  it("a store's rejection moves the fulfilment fee to the node that now fulfils the part", async () => {
    const prisma = db();
    const order = await paidOrder(pickupOrder(w, "near", [["tee", 1]]));
    const rejected = await prisma.fulfilmentOrder.findFirstOrThrow({
      where: { orderId: order.id, nodeId: w.storeA },
    });
    const routed = await rejectFulfilment(prisma, {
      fulfilmentOrderId: rejected.id,
      reason: "shelf count was wrong",
    });
    expect(routed.rerouted).toBe(true);
    const entries = await entriesOf(order.id);
    expect(sumOf(entries)).toBe(order.total);
    const feesAt = (nodeId: string) =>
      entries.filter((e) => e.kind === "FULFILMENT_FEE" && e.nodeId === nodeId);
    // Store A's pair is booked and reversed: its organisation keeps nothing.
    expect(feesAt(w.storeA).length).toBe(4);
    expect(perOrganisation(feesAt(w.storeA))).toEqual({ [w.orgA]: 0, [w.brandOrg]: 0 });
    const now = await prisma.fulfilmentOrder.findMany({
      where: { id: { in: routed.newFulfilmentOrderIds } },
      include: { node: true, lines: true },
    });
    for (const fo of now.filter((f) => f.lines.length > 0)) {
      const isStore = fo.node.type === "STORE_DIRECT" || fo.node.type === "STORE_FRANCHISE";
      const pair = feesAt(fo.nodeId);
      expect(pair.length).toBe(isStore ? 2 : 0);
      if (isStore) {
        expect(sumOf(pair)).toBe(0);
        expect(pair.find((e) => e.amount > 0)?.organizationId).toBe(fo.node.organizationId);
        expect(pair.every((e) => e.rateBps === 600)).toBe(true);
      }
    }
  });

  it("a rate effective tomorrow leaves an order paid today at today's rate", async () => {
    const prisma = db();
    const now = new Date();
    const tomorrow = await prisma.settlementRate.create({
      data: {
        kind: "FULFILMENT_FEE",
        bps: 1_000,
        effectiveFrom: addDays(now, 1),
        note: "test: from tomorrow",
      },
    });
    try {
      const today = await paidOrder(sameCityOrder(w, [["tee", 1]], now));
      const fees = async (orderId: string) =>
        (await entriesOf(orderId))
          .filter((e) => e.kind === "FULFILMENT_FEE")
          .map((e) => [e.rateBps, e.amount]);
      const goodsToday = today.total - today.shippingFee;
      expect(await fees(today.id)).toEqual([
        [600, shareAt(goodsToday, 600)],
        [600, -shareAt(goodsToday, 600)],
      ]);
      // Once it is in force, an order paid then is booked at it; today's order is unchanged.
      const later = await paidOrder(sameCityOrder(w, [["tee", 1]], addDays(now, 2)));
      const goodsLater = later.total - later.shippingFee;
      expect(await fees(later.id)).toEqual([
        [1_000, shareAt(goodsLater, 1_000)],
        [1_000, -shareAt(goodsLater, 1_000)],
      ]);
      expect(await fees(today.id)).toEqual([
        [600, shareAt(goodsToday, 600)],
        [600, -shareAt(goodsToday, 600)],
      ]);
    } finally {
      await prisma.settlementRate.delete({ where: { id: tomorrow.id } });
    }
  });

  it("an uncollected pickup cancelled with its refund books the sale back to zero", async () => {
    const prisma = db();
    const now = new Date();
    const order = await paidOrder(pickupOrder(w, "near", [["tee", 1]], now));
    await fulfil(prisma, order.id, w.staffA, { now, upTo: "READY" });
    const swept = await cancelUncollectedPickups(prisma, { now: addDays(now, 8), days: 7 });
    expect(swept.cancelled).toContain(order.id);
    const after = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { payments: { where: { kind: "REFUND" } } },
    });
    expect(after).toMatchObject({ status: "CANCELLED", paymentStatus: "REFUNDED" });
    expect(after.payments).toMatchObject([{ amount: order.total, returnId: null }]);
    const entries = await entriesOf(order.id);
    expect(entries.some((e) => e.kind === "REFUND")).toBe(true);
    expect(sumOf(entries)).toBe(0);
    expect(Object.values(perOrganisation(entries)).every((v) => v === 0)).toBe(true);
  });

  it("across the database: Σ entries = Σ paid order totals − Σ refunds not failed", async () => {
    const prisma = db();
    const { booked, expected } = await settlementIdentity(prisma);
    expect(booked).toBe(expected);
    expect(await ordersOffTheBooks(prisma)).toEqual([]);
    // Every order that was paid has booked something.
    const unbooked = await prisma.order.count({
      where: { paymentStatus: { not: "PENDING" }, settlement: { none: {} } },
    });
    expect(unbooked).toBe(0);
  });
}
