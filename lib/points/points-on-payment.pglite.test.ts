import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadPoints } from "@/lib/account/points.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order.server";
import { placeOrder, type PlaceOrderOptions } from "@/lib/orders/place-order.server";
import { createOrderWorld, type OrderWorld } from "@/lib/orders/testing/order-world";
import { payDemoOrder } from "@/lib/payments/pay-demo-order.server";
import { settlePayment } from "@/lib/payments/settle-payment.server";

// Points through the real checkout path: an order placed by placeOrder and paid by each
// provider's entry point earns its points, shown on the shopper's points page.

let keyNo = 0;

describe("points earned when an order is paid", () => {
  const db = useMigratedDatabase("pglite");
  let prisma: PrismaClient;
  let w: OrderWorld;

  beforeAll(async () => {
    prisma = db();
    w = await createOrderWorld(prisma);
  });

  function teeAtNear(userId: string, extra: Partial<PlaceOrderOptions> = {}): PlaceOrderOptions {
    return {
      channelCode: w.webCode,
      buyer: { kind: "MEMBER", userId },
      lines: [{ skuId: w.sku("tee"), quantity: 1 }],
      method: "PICKUP",
      destination: { kind: "store", nodeId: w.node("near") },
      contact: { name: "Li Wei" },
      paymentProvider: "DEMO",
      idempotencyKey: `points-${keyNo++}-${Date.now()}`,
      ...extra,
    };
  }

  async function balanceOf(userId: string) {
    return (await loadPoints(prisma, { userId })).balance;
  }

  it("the demo provider's Pay credits one point per whole CNY of goods, once, with the order's row", async () => {
    const before = await balanceOf(w.memberUserId);
    const placed = await placeOrder(prisma, teeAtNear(w.memberUserId));
    const pay = () =>
      payDemoOrder(prisma, { orderNo: placed.orderNo, userId: w.memberUserId, enabled: true });
    expect((await pay()).outcome).toBe("PAID");
    expect((await pay()).outcome).toBe("ALREADY_PAID");

    const points = await loadPoints(prisma, { userId: w.memberUserId });
    expect(points.balance).toBe(before + 599);
    expect(points.entries.filter((e) => e.orderNo === placed.orderNo)).toMatchObject([
      { delta: 599, reason: "ORDER_PAID", orderNo: placed.orderNo },
    ]);
  });

  it("a Stripe payment credits the points, also when it arrives late and re-reserves", async () => {
    const before = await balanceOf(w.memberUserId);
    const onTime = await placeOrder(
      prisma,
      teeAtNear(w.memberUserId, { paymentProvider: "STRIPE" }),
    );
    await settlePayment(prisma, {
      orderId: onTime.orderId,
      provider: "STRIPE",
      amount: onTime.total,
      chargeRef: `pi_points_${onTime.orderId}`,
    });

    const placedAt = new Date(Date.now() - 30 * 60_000);
    const late = await placeOrder(
      prisma,
      teeAtNear(w.memberUserId, { paymentProvider: "STRIPE", now: placedAt }),
    );
    await cancelUnpaidOrder(prisma, { orderId: late.orderId, reason: "HOLD_EXPIRED" });
    const settled = await settlePayment(prisma, {
      orderId: late.orderId,
      provider: "STRIPE",
      amount: late.total,
      chargeRef: `pi_points_${late.orderId}`,
    });
    expect(settled.outcome).toBe("PAID");

    const points = await loadPoints(prisma, { userId: w.memberUserId });
    expect(points.balance).toBe(before + 2 * 599);
    const earned = points.entries.filter((e) => e.reason === "ORDER_PAID");
    expect(earned.map((e) => e.orderNo)).toEqual(
      expect.arrayContaining([onTime.orderNo, late.orderNo]),
    );
  });

  it("points spent on the order earn nothing: goods paid (total less delivery) decide, rounded down", async () => {
    const before = await balanceOf(w.memberUserId);
    // 59,900 fen less 350 points worth 350 fen: 59,550 fen of goods paid, 595 points.
    const placed = await placeOrder(prisma, teeAtNear(w.memberUserId, { pointsToRedeem: 350 }));
    expect(placed.total).toBe(59_550);
    await payDemoOrder(prisma, { orderNo: placed.orderNo, userId: w.memberUserId, enabled: true });
    const points = await loadPoints(prisma, { userId: w.memberUserId });
    expect(points.balance).toBe(before - 350 + 595);
    expect(points.entries.filter((e) => e.orderNo === placed.orderNo)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ delta: -350, reason: "ORDER_REDEEMED" }),
        expect.objectContaining({ delta: 595, reason: "ORDER_PAID" }),
      ]),
    );
  });

  it("a late payment that revives a cancelled order spends again the points the cancellation gave back", async () => {
    const before = await balanceOf(w.memberUserId);
    const placedAt = new Date(Date.now() - 30 * 60_000);
    const late = await placeOrder(
      prisma,
      teeAtNear(w.memberUserId, { paymentProvider: "STRIPE", pointsToRedeem: 200, now: placedAt }),
    );
    expect(late.total).toBe(59_700);
    await cancelUnpaidOrder(prisma, { orderId: late.orderId, reason: "HOLD_EXPIRED" });
    expect(await balanceOf(w.memberUserId)).toBe(before);
    const settled = await settlePayment(prisma, {
      orderId: late.orderId,
      provider: "STRIPE",
      amount: late.total,
      chargeRef: `pi_points_${late.orderId}`,
    });
    expect(settled.outcome).toBe("PAID");
    // Paid 59,700 fen for goods after 200 points: 597 points earned, the 200 spent once.
    expect(await balanceOf(w.memberUserId)).toBe(before - 200 + 597);
    const entries = (await loadPoints(prisma, { userId: w.memberUserId })).entries
      .filter((e) => e.orderNo === late.orderNo)
      .map((e) => e.delta)
      .sort((a, b) => a - b);
    expect(entries).toEqual([-200, -200, 200, 597]);
  });

  it("a shopper without a membership row yet becomes a member and gets the points", async () => {
    const user = await prisma.user.create({
      data: {
        email: `new-shopper-${Date.now()}@test.dev`,
        name: "New Shopper",
        passwordHash: "-",
        role: "CONSUMER",
      },
    });
    const placed = await placeOrder(prisma, teeAtNear(user.id));
    await payDemoOrder(prisma, { orderNo: placed.orderNo, userId: user.id, enabled: true });
    const points = await loadPoints(prisma, { userId: user.id });
    expect(points.memberNo).not.toBeNull();
    expect(points.balance).toBe(599);
    expect(points.entries).toMatchObject([
      { delta: 599, reason: "ORDER_PAID", orderNo: placed.orderNo },
    ]);
  });

  async function claimCoupon(code: string) {
    const coupon = await prisma.coupon.create({
      data: {
        code,
        name: "Test coupon",
        nameZh: "测试优惠券",
        kind: "AMOUNT_OFF",
        value: 2_000,
        minSpend: 19_900,
        validFrom: new Date(Date.now() - 86_400_000),
        validTo: new Date(Date.now() + 86_400_000),
        perMemberLimit: 1,
        totalLimit: 1_000,
      },
    });
    return prisma.memberCoupon.create({ data: { couponId: coupon.id, memberId: w.memberId } });
  }

  async function reviveLate(couponCode: string) {
    const placedAt = new Date(Date.now() - 30 * 60_000);
    const late = await placeOrder(
      prisma,
      teeAtNear(w.memberUserId, { paymentProvider: "DEMO", couponCode, now: placedAt }),
    );
    expect(late.total).toBe(57_900);
    await cancelUnpaidOrder(prisma, { orderId: late.orderId, reason: "HOLD_EXPIRED" });
    return late;
  }

  it("a late payment that revives a cancelled order spends again the coupon claim the cancellation gave back", async () => {
    const claim = await claimCoupon(`LATE-${Date.now()}`);
    const late = await reviveLate(
      (await prisma.coupon.findUniqueOrThrow({ where: { id: claim.couponId } })).code,
    );
    expect(await prisma.memberCoupon.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "CLAIMED",
      orderId: null,
    });
    const settled = await settlePayment(prisma, {
      orderId: late.orderId,
      provider: "DEMO",
      amount: late.total,
      chargeRef: `demo_coupon_${late.orderId}`,
    });
    expect(settled.outcome).toBe("PAID");
    // The discounted price stands, so the claim is used by this order again, not free to reuse.
    expect(await prisma.memberCoupon.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "REDEEMED",
      orderId: late.orderId,
    });
  });

  it("a late payment is refunded when the coupon claim was used on another order meanwhile", async () => {
    const claim = await claimCoupon(`USED-${Date.now()}`);
    const code = (await prisma.coupon.findUniqueOrThrow({ where: { id: claim.couponId } })).code;
    const late = await reviveLate(code);
    const other = await placeOrder(prisma, teeAtNear(w.memberUserId, { couponCode: code }));
    const settled = await settlePayment(prisma, {
      orderId: late.orderId,
      provider: "DEMO",
      amount: late.total,
      chargeRef: `demo_coupon_${late.orderId}`,
    });
    expect(settled.outcome).toBe("REFUND_NEEDED");
    expect(await prisma.memberCoupon.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "REDEEMED",
      orderId: other.orderId,
    });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: late.orderId } });
    expect(order).toMatchObject({ status: "CANCELLED", paymentStatus: "REFUNDED" });
  });

  it("asking to redeem more points than the member holds is refused with what is usable, and no order is made", async () => {
    const member = await prisma.member.findUniqueOrThrow({ where: { id: w.memberId } });
    const orders = await prisma.order.count();
    const error = await placeOrder(
      prisma,
      teeAtNear(w.memberUserId, { pointsToRedeem: member.pointsBalance + 1 }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      details: { reason: "POINTS_ABOVE_AVAILABLE", balance: member.pointsBalance },
    });
    expect(await prisma.order.count()).toBe(orders);
    expect(await balanceOf(w.memberUserId)).toBe(member.pointsBalance);
  });
});
