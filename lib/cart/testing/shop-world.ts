import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createWorld, type World } from "@/lib/reservations/test-world";

// Test support for the shopper's side (cart, coupons, points, returns): one world per database,
// because the storefront finds its channel by the fixed code "WEB".

export type ShopWorld = World & {
  webChannelId: string;
  shopper: { userId: string; memberId: string };
  other: { userId: string; memberId: string };
  staffUserId: string;
  /** A consumer account without membership yet. */
  newcomerUserId: string;
  /** A fresh member (own user), for concurrency tests that need many shoppers. */
  addMember: () => Promise<{ userId: string; memberId: string }>;
};

const PRICE = 59_900;

/**
 * SKUs: `tee` 10 at `near`, `rare` 2 at `near`, `old` (a clearance style) 5 at `near`, `pre`
 * nothing in stock but 3 units of presale. All at 599 CNY; the web channel shares everything.
 */
export async function createShopWorld(prisma: PrismaClient): Promise<ShopWorld> {
  const world = await createWorld(prisma, {
    nodes: ["near"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: {
      tee: { stock: { near: 10 } },
      rare: { stock: { near: 2 } },
      old: { stock: { near: 5 } },
      pre: { presaleCap: 3 },
    },
  });
  const webChannelId = world.channel("web");
  await prisma.channel.update({ where: { id: webChannelId }, data: { code: "WEB" } });
  const product = await prisma.sku.findUniqueOrThrow({
    where: { id: world.sku("tee") },
    select: { product: true },
  });
  const clearance = await prisma.product.create({
    data: {
      styleCode: `CLR-${randomBytes(3).toString("hex")}`,
      name: "Old runner",
      nameZh: "旧款跑鞋",
      description: "-",
      descriptionZh: "-",
      categoryId: product.product.categoryId,
      gender: "U",
      lifecycle: "CLEARANCE",
      listPrice: PRICE,
      imagePath: "/x.png",
    },
  });
  await prisma.sku.update({ where: { id: world.sku("old") }, data: { productId: clearance.id } });

  let n = 0;
  const addMember = async () => {
    n += 1;
    const tag = `${randomBytes(4).toString("hex")}-${n}`;
    const user = await prisma.user.create({
      data: {
        email: `shopper-${tag}@test.dev`,
        name: `Shopper ${n}`,
        passwordHash: "-",
        role: "CONSUMER",
        member: { create: { memberNo: `M-${tag}` } },
      },
      include: { member: true },
    });
    return { userId: user.id, memberId: user.member!.id };
  };
  const shopper = await addMember();
  const other = await addMember();
  const staff = await prisma.user.create({
    data: {
      email: `staff-${randomBytes(4).toString("hex")}@test.dev`,
      name: "Staff",
      passwordHash: "-",
      role: "STORE_STAFF",
      storeNodeId: world.node("near"),
    },
  });
  const newcomer = await prisma.user.create({
    data: {
      email: `new-${randomBytes(4).toString("hex")}@test.dev`,
      name: "New",
      passwordHash: "-",
      role: "CONSUMER",
    },
  });
  return {
    ...world,
    webChannelId,
    shopper,
    other,
    staffUserId: staff.id,
    newcomerUserId: newcomer.id,
    addMember,
  };
}

/**
 * An order written directly (checkout is tested elsewhere): `lines` as [skuId, quantity,
 * lineTotal]; status COMPLETED and paid unless told otherwise.
 */
export async function createTestOrder(
  prisma: PrismaClient,
  world: ShopWorld,
  input: {
    buyer: { userId: string; memberId: string };
    lines: [string, number, number][];
    status?: "PENDING_PAYMENT" | "PAID" | "COMPLETED";
    pointsEarned?: number;
    pointsRedeemed?: number;
  },
) {
  const subtotal = input.lines.reduce((s, [, , total]) => s + total, 0);
  const status = input.status ?? "COMPLETED";
  return prisma.order.create({
    data: {
      orderNo: `T${randomBytes(6).toString("hex").toUpperCase()}`,
      channelId: world.webChannelId,
      buyerType: "MEMBER",
      userId: input.buyer.userId,
      memberId: input.buyer.memberId,
      method: "EXPRESS",
      contactName: "Shopper",
      subtotal,
      total: subtotal - (input.pointsRedeemed ?? 0),
      pointsEarned: input.pointsEarned ?? 0,
      pointsRedeemed: input.pointsRedeemed ?? 0,
      paymentStatus: status === "PENDING_PAYMENT" ? "PENDING" : "PAID",
      status,
      lines: {
        create: input.lines.map(([skuId, quantity, lineTotal]) => ({
          skuId,
          quantity,
          unitPrice: Math.floor(lineTotal / quantity),
          lineTotal,
        })),
      },
    },
    include: { lines: { orderBy: { id: "asc" } } },
  });
}
