import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createShopWorld, createTestOrder, type ShopWorld } from "@/lib/cart/testing/shop-world";
import { withTransaction } from "@/lib/db/transaction.server";
import { loadPoints } from "@/lib/account/points.server";
import { awardPointsForPaidOrder } from "./award-points.server";

/** Points earned on payment, shared by the PGlite and PostgreSQL runs. */
export function definePointsTests(db: () => PrismaClient, options: { concurrent: boolean }) {
  let world: ShopWorld;
  beforeAll(async () => {
    world = await createShopWorld(db());
  });

  it("credits an order's points once, in the caller's transaction, and shows them on the points page", async () => {
    const prisma = db();
    const buyer = await world.addMember();
    const order = await createTestOrder(prisma, world, {
      buyer,
      lines: [[world.sku("tee"), 1, 59_900]],
      status: "PAID",
      pointsEarned: 599,
    });
    const first = await withTransaction(prisma, (tx) =>
      awardPointsForPaidOrder(tx, { orderId: order.id }),
    );
    const replay = await awardPointsForPaidOrder(prisma, { orderId: order.id });
    expect(first).toEqual({ awarded: 599, already: false });
    expect(replay).toEqual({ awarded: 0, already: true });
    const points = await loadPoints(prisma, { userId: buyer.userId });
    expect(points.balance).toBe(599);
    expect(points.entries).toMatchObject([
      { delta: 599, reason: "ORDER_PAID", orderNo: order.orderNo },
    ]);
  });

  it("awards nothing to an order without a member account (walk-in), and refuses an unknown order", async () => {
    const prisma = db();
    const order = await createTestOrder(prisma, world, {
      buyer: world.shopper,
      lines: [[world.sku("tee"), 1, 59_900]],
      status: "PAID",
    });
    await prisma.order.update({
      where: { id: order.id },
      data: { memberId: null, userId: null, buyerType: "WALK_IN", pointsEarned: 599 },
    });
    expect(await awardPointsForPaidOrder(prisma, { orderId: order.id })).toEqual({
      awarded: 0,
      already: false,
    });
    await expect(awardPointsForPaidOrder(prisma, { orderId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  if (options.concurrent) {
    it("writes one entry when the same payment is confirmed 10 times at once", async () => {
      const prisma = db();
      const buyer = await world.addMember();
      const order = await createTestOrder(prisma, world, {
        buyer,
        lines: [[world.sku("tee"), 1, 59_900]],
        status: "PAID",
        pointsEarned: 599,
      });
      await Promise.all(
        Array.from({ length: 10 }, () => awardPointsForPaidOrder(prisma, { orderId: order.id })),
      );
      expect(await prisma.pointsEntry.count({ where: { orderId: order.id } })).toBe(1);
      expect(
        (await prisma.member.findUniqueOrThrow({ where: { id: buyer.memberId } })).pointsBalance,
      ).toBe(599);
    });
  }
}
