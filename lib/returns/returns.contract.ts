import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createShopWorld, createTestOrder, type ShopWorld } from "@/lib/cart/testing/shop-world";
import { listReturnsOf, loadReturnForm } from "@/lib/account/order-history.server";
import { refusalOf } from "@/lib/reservations/test-world";
import { requestReturn } from "./request-return.server";

/** Return requests, shared by the PGlite and PostgreSQL runs. */
export function defineReturnTests(db: () => PrismaClient, options: { concurrent: boolean }) {
  let world: ShopWorld;
  beforeAll(async () => {
    world = await createShopWorld(db());
  });

  const completedOrder = (buyer = world.shopper) =>
    createTestOrder(db(), world, {
      buyer,
      // 2 tees for 1,000.00 after a coupon, 1 rare for 500.00; 300 points (3 CNY) redeemed.
      lines: [
        [world.sku("tee"), 2, 100_000],
        [world.sku("rare"), 1, 50_000],
      ],
      pointsRedeemed: 300,
    });

  it("requests an online return and a return at store with a code, within what was bought", async () => {
    const prisma = db();
    const order = await completedOrder();
    const [tee, rare] = order.lines;
    const online = await requestReturn(prisma, {
      userId: world.shopper.userId,
      request: {
        orderNo: order.orderNo,
        mode: "ONLINE",
        reason: "WRONG_SIZE",
        lines: [{ orderLineId: tee!.id, quantity: 1 }],
      },
    });
    // Paid for the tees: 100,000 − 200 (their share of 300 points) = 99,800; one of two → 49,900.
    expect(online).toMatchObject({ returnCode: null, refundAmount: 49_900 });
    expect(online.rmaNo).toMatch(/^RMA\d{14}$/);

    const atStore = await requestReturn(prisma, {
      userId: world.shopper.userId,
      request: {
        orderNo: order.orderNo,
        mode: "AT_STORE",
        reason: "CHANGED_MIND",
        note: "Too warm",
        lines: [
          { orderLineId: tee!.id, quantity: 1 },
          { orderLineId: rare!.id, quantity: 1 },
          { orderLineId: rare!.id, quantity: 0 },
        ],
      },
    });
    expect(atStore.returnCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(atStore.refundAmount).toBe(49_900 + 49_900);
    const stored = await prisma.return.findUniqueOrThrow({
      where: { id: atStore.returnId },
      include: { lines: true },
    });
    expect(stored).toMatchObject({
      status: "REQUESTED",
      atStore: true,
      reason: "CHANGED_MIND: Too warm",
    });
    expect(stored.lines).toHaveLength(2);

    const form = await loadReturnForm(prisma, {
      userId: world.shopper.userId,
      orderNo: order.orderNo,
    });
    expect(form.lines.map((l) => l.returnable)).toEqual([0, 0]);
    const listed = await listReturnsOf(prisma, { userId: world.shopper.userId });
    expect(listed.map((r) => r.rmaNo)).toEqual(
      expect.arrayContaining([online.rmaNo, atStore.rmaNo]),
    );
  });

  it("refuses more than is left, nothing chosen, someone else's order and an order not yet delivered", async () => {
    const prisma = db();
    const order = await completedOrder();
    const [tee] = order.lines;
    await requestReturn(prisma, {
      userId: world.shopper.userId,
      request: {
        orderNo: order.orderNo,
        mode: "ONLINE",
        reason: "DEFECTIVE",
        lines: [{ orderLineId: tee!.id, quantity: 2 }],
      },
    });
    const before = await prisma.return.count();
    const request = (quantity: number, userId = world.shopper.userId, orderNo = order.orderNo) =>
      requestReturn(prisma, {
        userId,
        request: {
          orderNo,
          mode: "ONLINE",
          reason: "OTHER",
          lines: [{ orderLineId: tee!.id, quantity }],
        },
      });

    const above = await refusalOf(request(1));
    expect([above.code, above.details?.reason, above.details?.returnable]).toEqual([
      "INVALID_INPUT",
      "ABOVE_RETURNABLE",
      0,
    ]);
    expect((await refusalOf(request(0))).details?.reason).toBe("NOTHING_CHOSEN");
    expect((await refusalOf(request(1, world.other.userId))).code).toBe("NOT_FOUND");
    expect((await refusalOf(request(1, world.shopper.userId, "NO-SUCH-ORDER"))).code).toBe(
      "NOT_FOUND",
    );
    const foreignLine = await refusalOf(
      requestReturn(prisma, {
        userId: world.shopper.userId,
        request: {
          orderNo: order.orderNo,
          mode: "ONLINE",
          reason: "OTHER",
          lines: [{ orderLineId: "not-on-this-order", quantity: 1 }],
        },
      }),
    );
    expect(foreignLine.code).toBe("NOT_FOUND");
    const unpaid = await createTestOrder(prisma, world, {
      buyer: world.shopper,
      lines: [[world.sku("tee"), 1, 59_900]],
      status: "PENDING_PAYMENT",
    });
    const early = await refusalOf(
      requestReturn(prisma, {
        userId: world.shopper.userId,
        request: {
          orderNo: unpaid.orderNo,
          mode: "ONLINE",
          reason: "OTHER",
          lines: [{ orderLineId: unpaid.lines[0]!.id, quantity: 1 }],
        },
      }),
    );
    expect([early.code, early.details?.reason]).toEqual(["CONFLICT", "NOT_RETURNABLE_YET"]);
    expect(await prisma.return.count()).toBe(before);
  });

  it("counts a rejected return's units as returnable again", async () => {
    const prisma = db();
    const order = await completedOrder();
    const [, rare] = order.lines;
    const first = await requestReturn(prisma, {
      userId: world.shopper.userId,
      request: {
        orderNo: order.orderNo,
        mode: "ONLINE",
        reason: "OTHER",
        lines: [{ orderLineId: rare!.id, quantity: 1 }],
      },
    });
    await prisma.return.update({ where: { id: first.returnId }, data: { status: "REJECTED" } });
    await requestReturn(prisma, {
      userId: world.shopper.userId,
      request: {
        orderNo: order.orderNo,
        mode: "AT_STORE",
        reason: "OTHER",
        lines: [{ orderLineId: rare!.id, quantity: 1 }],
      },
    });
  });

  if (options.concurrent) {
    it("accepts only as many units as were bought when requests race", async () => {
      const prisma = db();
      const order = await completedOrder();
      const [tee] = order.lines;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          requestReturn(prisma, {
            userId: world.shopper.userId,
            request: {
              orderNo: order.orderNo,
              mode: "AT_STORE",
              reason: "OTHER",
              lines: [{ orderLineId: tee!.id, quantity: 1 }],
            },
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(2);
    });
  }
}
