import { addMinutes } from "date-fns";
import { expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order.server";
import { confirmOrderPayment } from "@/lib/orders/confirm-order-payment.server";
import { placeOrder, type PlaceOrderOptions } from "@/lib/orders/place-order.server";
import { sweepOrders } from "@/lib/sweeps/sweep-orders.server";
import { quotaPeriodKey } from "./quota";
import { createEmployeeWorld, employeePickup, quotaUsage } from "./testing/employee-world";

const NOW = new Date("2026-11-20T04:00:00Z");
const PERIOD = quotaPeriodKey(NOW, "QUARTER");
const ROOMY = { maxUnits: 20, maxSpend: 10_000_000, maxPerSku: 5 };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, details: error.details as Record<string, unknown> | undefined };
}

async function holds(prisma: PrismaClient, skuIds: string[]) {
  const levels = await prisma.stockLevel.findMany({ where: { skuId: { in: skuIds } } });
  return levels.reduce((sum, l) => sum + l.reserved, 0);
}

/** Employee orders through the one checkout core: prices, quotas, give-back, late payment. */
export function defineEmployeeOrderTests(db: () => PrismaClient): void {
  it("charges the explicit employee price, else list less the discount; a sent price changes nothing", async () => {
    const prisma = db();
    const w = await createEmployeeWorld(prisma, ROOMY);
    const { userId, employeeId } = await w.addEmployee("Wang");
    // 59 900 less 30 % is 41 930.
    // What a tampered browser might send: prices on the lines and a total. Never read.
    const sentLines = [{ skuId: w.sku("tee"), quantity: 2, unitPrice: 1 }];
    const sentTotal = { total: 1, subtotal: 1 };
    const tampered: PlaceOrderOptions = Object.assign(
      employeePickup(w, userId, [["tee", 2]]),
      sentTotal,
      { lines: sentLines },
    );
    const placed = await placeOrder(prisma, { now: NOW, ...tampered });
    const order = await prisma.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { lines: true },
    });
    expect(order.lines.map((l) => l.unitPrice)).toEqual([41_930]);
    expect(order.subtotal).toBe(83_860);
    expect(order.buyerType).toBe("EMPLOYEE");
    expect(order.employeeId).toBe(employeeId);
    expect(order.quotaPeriodKey).toBe(PERIOD);
    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual({
      units: 2,
      spend: 83_860,
      perSku: { [w.sku("tee")]: 2 },
    });

    const product = await prisma.sku.findUniqueOrThrow({ where: { id: w.sku("cap") } });
    await prisma.product.update({
      where: { id: product.productId },
      data: { employeePrice: 19_900 },
    });
    const explicit = await placeOrder(prisma, {
      now: NOW,
      ...employeePickup(w, userId, [["cap", 1]], "far"),
    });
    expect(explicit.total).toBe(19_900);
  });

  it("refuses coupons and points for employees, the employee channel to members and other channels to employees", async () => {
    const prisma = db();
    const w = await createEmployeeWorld(prisma, ROOMY);
    const { userId, employeeId } = await w.addEmployee("Wang");
    const base = employeePickup(w, userId, [["tee", 1]]);
    expect((await refusal(placeOrder(prisma, { ...base, couponCode: "WELCOME" }))).code).toBe(
      "INVALID_INPUT",
    );
    expect((await refusal(placeOrder(prisma, { ...base, pointsToRedeem: 10 }))).code).toBe(
      "INVALID_INPUT",
    );
    const member = await refusal(
      placeOrder(prisma, { ...base, buyer: { kind: "MEMBER", userId: w.memberUserId } }),
    );
    expect(member).toEqual({ code: "FORBIDDEN", details: { reason: "NOT_EMPLOYEE" } });
    await prisma.channel.update({ where: { id: w.employeeCode }, data: { kind: "WEB" } });
    const elsewhere = await refusal(placeOrder(prisma, base));
    expect(elsewhere).toEqual({ code: "FORBIDDEN", details: { reason: "EMPLOYEE_CHANNEL_ONLY" } });
    expect(await holds(prisma, w.skuIds)).toBe(0);
    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual({
      units: 0,
      spend: 0,
      perSku: {},
    });
    expect(await prisma.order.count({ where: { employeeId } })).toBe(0);
  });

  it("refuses each limit (per SKU, units, spend) naming what is left, with nothing reserved and no quota used", async () => {
    const prisma = db();
    const w = await createEmployeeWorld(prisma, { maxUnits: 4, maxSpend: 150_000, maxPerSku: 2 });
    const { userId, employeeId } = await w.addEmployee("Wang");
    await placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, [["tee", 1]]) });
    const before = await quotaUsage(prisma, employeeId, PERIOD);
    expect(before.units).toBe(1);

    const perSku = await refusal(
      placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, [["tee", 2]]) }),
    );
    expect(perSku.code).toBe("QUOTA_EXCEEDED");
    expect(perSku.details).toMatchObject({
      reason: "PER_SKU",
      skuId: w.sku("tee"),
      left: 1,
      period: "QUARTER",
      periodKey: PERIOD,
      product: expect.any(String) as unknown,
      size: "tee",
    });

    const units = await refusal(
      placeOrder(prisma, {
        now: NOW,
        ...employeePickup(
          w,
          userId,
          [
            ["cap", 2],
            ["rare", 2],
          ],
          "far",
        ),
      }),
    );
    expect(units.details).toMatchObject({ reason: "UNITS", left: 3, periodKey: PERIOD });

    // 41 930 used; three more at 41 930 (125 790) pass 150 000 units-wise but not spend-wise.
    const spend = await refusal(
      placeOrder(prisma, {
        now: NOW,
        ...employeePickup(
          w,
          userId,
          [
            ["cap", 2],
            ["tee", 1],
          ],
          "far",
        ),
      }),
    );
    expect(spend.details).toMatchObject({ reason: "SPEND", spendLeft: 150_000 - 41_930 });

    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual(before);
    expect(await holds(prisma, w.skuIds)).toBe(1);
    expect(await prisma.order.count({ where: { employeeId } })).toBe(1);
  });

  it("gives the quota back once when cancelled twice, and when the sweeper and the shopper race", async () => {
    const prisma = db();
    const w = await createEmployeeWorld(prisma, ROOMY);
    const { userId, employeeId } = await w.addEmployee("Wang");
    await placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, [["tee", 3]]) });
    const placed = await placeOrder(prisma, {
      now: NOW,
      ...employeePickup(w, userId, [["tee", 2]]),
    });
    const first = await cancelUnpaidOrder(prisma, {
      orderId: placed.orderId,
      reason: "CANCELLED_BY_SHOPPER",
      now: NOW,
    });
    const again = await cancelUnpaidOrder(prisma, {
      orderId: placed.orderId,
      reason: "CANCELLED_BY_SHOPPER",
      now: NOW,
    });
    expect([first.cancelled, again.cancelled]).toEqual([true, false]);
    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual({
      units: 3,
      spend: 3 * 41_930,
      perSku: { [w.sku("tee")]: 3 },
    });

    const raced = await placeOrder(prisma, {
      now: NOW,
      ...employeePickup(w, userId, [["tee", 2]]),
    });
    const later = addMinutes(NOW, 60);
    // The shopper's cancel (inside the hold) and the sweeper (after it) race for the one flip.
    // The shopper may lose on the hold's state when the sweeper released it in between;
    // that refusal changes nothing and the sweeper then cancels the order.
    const settled = await Promise.allSettled([
      sweepOrders(prisma, { now: later }),
      cancelUnpaidOrder(prisma, {
        orderId: raced.orderId,
        reason: "CANCELLED_BY_SHOPPER",
        now: addMinutes(NOW, 5),
      }),
    ]);
    for (const result of settled)
      if (result.status === "rejected") {
        const lost = result.reason as unknown;
        expect(isAppError(lost) ? lost.details?.reason : lost).toBe("RESERVATION");
      }
    expect((await prisma.order.findUniqueOrThrow({ where: { id: raced.orderId } })).status).toBe(
      "CANCELLED",
    );
    // The sweeper also expired the first order's hold: everything is back.
    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual({
      units: 0,
      spend: 0,
      perSku: {},
    });
    expect(await reconcileLedger(prisma, { skuIds: w.skuIds })).toEqual([]);
  });

  it("a late payment takes the quota again, or is refunded when the quota is gone meanwhile", async () => {
    const prisma = db();
    const w = await createEmployeeWorld(prisma, {
      maxUnits: 3,
      maxSpend: 10_000_000,
      maxPerSku: 3,
    });
    const { userId, employeeId } = await w.addEmployee("Wang");
    const placed = await placeOrder(prisma, {
      now: NOW,
      ...employeePickup(w, userId, [["tee", 2]]),
    });
    await cancelUnpaidOrder(prisma, { orderId: placed.orderId, reason: "HOLD_EXPIRED", now: NOW });
    expect((await quotaUsage(prisma, employeeId, PERIOD)).units).toBe(0);
    const paid = await confirmOrderPayment(prisma, {
      orderId: placed.orderId,
      provider: "DEMO",
      amount: placed.total,
      paidAt: addMinutes(NOW, 20),
    });
    expect(paid.outcome).toBe("PAID");
    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual({
      units: 2,
      spend: 2 * 41_930,
      perSku: { [w.sku("tee")]: 2 },
    });

    const second = await placeOrder(prisma, {
      now: NOW,
      ...employeePickup(w, userId, [["cap", 1]], "far"),
    });
    await cancelUnpaidOrder(prisma, { orderId: second.orderId, reason: "HOLD_EXPIRED", now: NOW });
    await placeOrder(prisma, { now: NOW, ...employeePickup(w, userId, [["tee", 1]]) });
    const late = await confirmOrderPayment(prisma, {
      orderId: second.orderId,
      provider: "DEMO",
      amount: second.total,
      paidAt: addMinutes(NOW, 20),
    });
    expect(late.outcome).toBe("REFUND_NEEDED");
    expect(await quotaUsage(prisma, employeeId, PERIOD)).toEqual({
      units: 3,
      spend: 3 * 41_930,
      perSku: { [w.sku("tee")]: 3 },
    });
  });
}
