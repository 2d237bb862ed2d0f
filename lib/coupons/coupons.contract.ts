import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { withTransaction } from "@/lib/db/transaction.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createShopWorld, createTestOrder, type ShopWorld } from "@/lib/cart/testing/shop-world";
import { refusalOf } from "@/lib/reservations/test-world";
import { checkCoupon } from "./check-coupon.server";
import { claimCoupon } from "./claim-coupon.server";
import { listClaimableCoupons, listMemberCoupons } from "./list-coupons.server";
import { redeemCouponForOrder, releaseCouponForOrder } from "./redeem-coupon.server";

const NOW = new Date("2026-06-15T04:00:00Z");
const DAY = 86_400_000;

async function makeCoupon(
  prisma: PrismaClient,
  terms: Partial<{
    kind: "AMOUNT_OFF" | "PERCENT_OFF";
    value: number;
    minSpend: number;
    validFrom: Date;
    validTo: Date;
    perMemberLimit: number;
    totalLimit: number | null;
  }> = {},
) {
  const code = `C${randomBytes(4).toString("hex").toUpperCase()}`;
  await prisma.coupon.create({
    data: {
      code,
      name: "Test coupon",
      nameZh: "测试优惠券",
      kind: terms.kind ?? "AMOUNT_OFF",
      value: terms.value ?? 2_000,
      minSpend: terms.minSpend ?? 19_900,
      validFrom: terms.validFrom ?? new Date(NOW.getTime() - 10 * DAY),
      validTo: terms.validTo ?? new Date(NOW.getTime() + 10 * DAY),
      perMemberLimit: terms.perMemberLimit ?? 1,
      totalLimit: terms.totalLimit === undefined ? 1_000 : terms.totalLimit,
    },
  });
  return code;
}

/** Coupon claiming and redemption, shared by the PGlite and PostgreSQL runs. */
export function defineCouponTests(db: () => PrismaClient, options: { concurrent: boolean }) {
  let world: ShopWorld;
  beforeAll(async () => {
    world = await createShopWorld(db());
  });

  const orderFor = (buyer: { userId: string; memberId: string }) =>
    createTestOrder(db(), world, {
      buyer,
      lines: [[world.sku("tee"), 1, 59_900]],
      status: "PENDING_PAYMENT",
    });

  const redeem = (memberId: string, code: string, orderId: string, subtotal = 59_900, now = NOW) =>
    withTransaction(db(), (tx) =>
      redeemCouponForOrder(tx, { memberId, code, orderId, subtotal, now }),
    );

  it("claims a coupon once per member and counts it", async () => {
    const prisma = db();
    const code = await makeCoupon(prisma);
    const claimed = await claimCoupon(prisma, {
      memberId: world.shopper.memberId,
      code: code.toLowerCase(),
      now: NOW,
    });
    expect(claimed.memberCouponId).toBeTruthy();
    const again = await refusalOf(
      claimCoupon(prisma, { memberId: world.shopper.memberId, code, now: NOW }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.details).toMatchObject({ reason: "LIMIT_REACHED" });
    const coupon = await prisma.coupon.findUniqueOrThrow({ where: { code } });
    expect(coupon.claimedCount).toBe(1);
    const listed = (
      await listClaimableCoupons(prisma, { memberId: world.shopper.memberId, now: NOW })
    ).find((c) => c.code === code);
    expect(listed).toMatchObject({ canClaim: false, reason: "LIMIT_REACHED" });
    const forOther = (
      await listClaimableCoupons(prisma, { memberId: world.other.memberId, now: NOW })
    ).find((c) => c.code === code);
    expect(forOther).toMatchObject({ canClaim: true, reason: null });
  });

  it("refuses expired, not-yet-valid, unknown and sold-out coupons, changing nothing", async () => {
    const prisma = db();
    const expired = await makeCoupon(prisma, { validTo: new Date(NOW.getTime() - DAY) });
    const future = await makeCoupon(prisma, { validFrom: new Date(NOW.getTime() + DAY) });
    const single = await makeCoupon(prisma, { totalLimit: 1 });
    await claimCoupon(prisma, { memberId: world.other.memberId, code: single, now: NOW });
    const reasons = [];
    for (const code of [expired, future, "NO-SUCH-CODE", single]) {
      const refusal = await refusalOf(
        claimCoupon(prisma, { memberId: world.shopper.memberId, code, now: NOW }),
      );
      reasons.push([refusal.code, refusal.details?.reason]);
    }
    expect(reasons).toEqual([
      ["INVALID_INPUT", "EXPIRED"],
      ["INVALID_INPUT", "NOT_YET_VALID"],
      ["NOT_FOUND", "NOT_CLAIMED"],
      ["CONFLICT", "SOLD_OUT"],
    ]);
    expect(
      await prisma.memberCoupon.count({
        where: {
          memberId: world.shopper.memberId,
          coupon: { code: { in: [expired, future, single] } },
        },
      }),
    ).toBe(0);
    expect((await prisma.coupon.findUniqueOrThrow({ where: { code: single } })).claimedCount).toBe(
      1,
    );
  });

  it("checks a claimed coupon without using it: discount, or the reason it does not apply", async () => {
    const prisma = db();
    const code = await makeCoupon(prisma, { kind: "PERCENT_OFF", value: 1_000, minSpend: 29_900 });
    await claimCoupon(prisma, { memberId: world.shopper.memberId, code, now: NOW });
    const ok = await checkCoupon(prisma, {
      memberId: world.shopper.memberId,
      code,
      subtotal: 59_900,
      now: NOW,
    });
    expect(ok.discount).toBe(5_990);
    const low = await refusalOf(
      checkCoupon(prisma, { memberId: world.shopper.memberId, code, subtotal: 29_899, now: NOW }),
    );
    expect([low.code, low.details?.reason]).toEqual(["INVALID_INPUT", "MIN_SPEND_NOT_MET"]);
    const notMine = await refusalOf(
      checkCoupon(prisma, { memberId: world.other.memberId, code, subtotal: 59_900, now: NOW }),
    );
    expect([notMine.code, notMine.details?.reason]).toEqual(["NOT_FOUND", "NOT_CLAIMED"]);
    const later = await refusalOf(
      checkCoupon(prisma, {
        memberId: world.shopper.memberId,
        code,
        subtotal: 59_900,
        now: new Date(NOW.getTime() + 11 * DAY),
      }),
    );
    expect([later.code, later.details?.reason]).toEqual(["INVALID_INPUT", "EXPIRED"]);
    const claim = await prisma.memberCoupon.findFirstOrThrow({
      where: { memberId: world.shopper.memberId, coupon: { code } },
    });
    expect(claim.status).toBe("CLAIMED");
  });

  it("redeems a claim once for an order; a second use is CONFLICT; cancelling gives it back", async () => {
    const prisma = db();
    const code = await makeCoupon(prisma);
    await claimCoupon(prisma, { memberId: world.shopper.memberId, code, now: NOW });
    const first = await orderFor(world.shopper);
    const second = await orderFor(world.shopper);
    const redeemed = await redeem(world.shopper.memberId, code, first.id);
    expect(redeemed.coupon.code).toBe(code);
    const used = await refusalOf(redeem(world.shopper.memberId, code, second.id));
    expect([used.code, used.details?.reason]).toEqual(["CONFLICT", "USED"]);
    const claim = await prisma.memberCoupon.findUniqueOrThrow({
      where: { id: redeemed.memberCouponId },
    });
    expect(claim).toMatchObject({ status: "REDEEMED", orderId: first.id });
    const mine = await listMemberCoupons(prisma, { memberId: world.shopper.memberId, now: NOW });
    expect(mine.find((c) => c.id === redeemed.memberCouponId)).toMatchObject({
      status: "REDEEMED",
      orderNo: first.orderNo,
    });

    expect(await releaseCouponForOrder(prisma, { orderId: first.id })).toBe(true);
    await redeem(world.shopper.memberId, code, second.id);
  });

  it("refuses someone else's coupon, a spend below the minimum and an expired claim at redemption", async () => {
    const prisma = db();
    const code = await makeCoupon(prisma, { minSpend: 50_000 });
    await claimCoupon(prisma, { memberId: world.other.memberId, code, now: NOW });
    const order = await orderFor(world.shopper);
    const notMine = await refusalOf(redeem(world.shopper.memberId, code, order.id));
    expect(notMine.code).toBe("NOT_FOUND");
    const otherOrder = await orderFor(world.other);
    const low = await refusalOf(redeem(world.other.memberId, code, otherOrder.id, 49_999));
    expect(low.details?.reason).toBe("MIN_SPEND_NOT_MET");
    const late = await refusalOf(
      redeem(world.other.memberId, code, otherOrder.id, 60_000, new Date(NOW.getTime() + 20 * DAY)),
    );
    expect(late.details?.reason).toBe("EXPIRED");
    const claim = await prisma.memberCoupon.findFirstOrThrow({
      where: { memberId: world.other.memberId, coupon: { code } },
    });
    expect(claim).toMatchObject({ status: "CLAIMED", orderId: null });
  });

  if (options.concurrent) {
    it("lets exactly one of 20 concurrent checkouts redeem the same claim", async () => {
      const prisma = db();
      const code = await makeCoupon(prisma);
      const buyer = await world.addMember();
      await claimCoupon(prisma, { memberId: buyer.memberId, code, now: NOW });
      const orders = await Promise.all(Array.from({ length: 20 }, () => orderFor(buyer)));
      const outcomes = await Promise.allSettled(
        orders.map((o) => redeem(buyer.memberId, code, o.id)),
      );
      const won = outcomes.filter((o) => o.status === "fulfilled");
      const lost = outcomes.flatMap((o) =>
        o.status === "rejected" ? [o.reason as { code: string }] : [],
      );
      expect(won).toHaveLength(1);
      expect(lost.map((e) => e.code)).toEqual(Array(19).fill("CONFLICT"));
      expect(
        await prisma.memberCoupon.count({
          where: { memberId: buyer.memberId, status: "REDEEMED" },
        }),
      ).toBe(1);
    });

    it("hands out exactly 10 of a coupon limited to 10 among 50 concurrent claims", async () => {
      const prisma = db();
      const code = await makeCoupon(prisma, { totalLimit: 10 });
      const members = await Promise.all(Array.from({ length: 50 }, () => world.addMember()));
      const outcomes = await Promise.allSettled(
        members.map((m) => claimCoupon(prisma, { memberId: m.memberId, code, now: NOW })),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(10);
      const coupon = await prisma.coupon.findUniqueOrThrow({
        where: { code },
        include: { _count: { select: { memberCoupons: true } } },
      });
      expect(coupon.claimedCount).toBe(10);
      expect(coupon._count.memberCoupons).toBe(10);
    });

    it("lets one member claim once even when they click 10 times at once", async () => {
      const prisma = db();
      const code = await makeCoupon(prisma);
      const buyer = await world.addMember();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          claimCoupon(prisma, { memberId: buyer.memberId, code, now: NOW }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect((await prisma.coupon.findUniqueOrThrow({ where: { code } })).claimedCount).toBe(1);
    });
  }
}
