import { randomBytes } from "node:crypto";
import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SettlementKind } from "@/lib/generated/prisma/enums";

// Test support: two organisations, each with a store and its staff member, a channel of the
// first, an admin, and helpers that write orders, refunds and entries directly (booking is
// tested elsewhere; here the books are read).

export type SettlementWorld = {
  orgA: string;
  orgB: string;
  storeA: string;
  storeB: string;
  channelId: string;
  admin: SessionUser;
  staffA: SessionUser;
  staffB: SessionUser;
};

const tag = () => randomBytes(4).toString("hex").toUpperCase();

async function store(prisma: PrismaClient, organizationId: string, code: string) {
  const node = await prisma.node.create({
    data: {
      code,
      name: `Store ${code}`,
      nameZh: `门店 ${code}`,
      type: "STORE_FRANCHISE",
      organizationId,
      city: "Shanghai",
      cityZh: "上海",
      district: "Huangpu",
      address: "1 Test Road",
      latitude: 31.23,
      longitude: 121.47,
      dailyCapacity: 100,
      costPerShipment: 800,
    },
  });
  return node.id;
}

async function user(prisma: PrismaClient, role: SessionUser["role"], storeNodeId: string | null) {
  const email = `${role.toLowerCase()}-${tag()}@test.dev`;
  const row = await prisma.user.create({
    data: { email, name: `${role} ${tag()}`, passwordHash: "-", role, storeNodeId },
  });
  return { id: row.id, email, name: row.name, role, storeNodeId } satisfies SessionUser;
}

export async function createSettlementWorld(prisma: PrismaClient): Promise<SettlementWorld> {
  const t = tag();
  const [a, b] = await Promise.all(
    ["A", "B"].map((side) =>
      prisma.organization.create({
        data: {
          code: `FR-${side}-${t}`,
          name: `Franchise ${side}`,
          nameZh: `加盟商 ${side}`,
          kind: "FRANCHISEE",
        },
      }),
    ),
  );
  const storeA = await store(prisma, a!.id, `TA-${t}`);
  const storeB = await store(prisma, b!.id, `TB-${t}`);
  const channel = await prisma.channel.create({
    data: {
      code: `CH-${t}`,
      name: "Channel",
      nameZh: "渠道",
      kind: "STORE_O2O",
      priority: 9,
      organizationId: a!.id,
    },
  });
  return {
    orgA: a!.id,
    orgB: b!.id,
    storeA,
    storeB,
    channelId: channel.id,
    admin: await user(prisma, "ADMIN", null),
    staffA: await user(prisma, "STORE_STAFF", storeA),
    staffB: await user(prisma, "STORE_STAFF", storeB),
  };
}

/** An order of `total` fen, paid at `paidAt` (unpaid without it). */
export async function createOrder(
  prisma: PrismaClient,
  world: SettlementWorld,
  total: number,
  paidAt?: Date,
) {
  return prisma.order.create({
    data: {
      orderNo: `S${tag()}${tag()}`,
      channelId: world.channelId,
      buyerType: "WALK_IN",
      method: "PICKUP",
      contactName: "Walk-in",
      subtotal: total,
      total,
      paymentStatus: paidAt ? "PAID" : "PENDING",
      status: paidAt ? "PAID" : "PENDING_PAYMENT",
      paidAt: paidAt ?? null,
    },
  });
}

/** A refund of `amount` fen paid back at `at`. */
export async function createRefund(
  prisma: PrismaClient,
  orderId: string,
  amount: number,
  at: Date,
  status: "SUCCEEDED" | "FAILED" = "SUCCEEDED",
) {
  return prisma.payment.create({
    data: { orderId, provider: "DEMO", kind: "REFUND", status, amount, createdAt: at },
  });
}

/** Settlement entries of one order, each [organisation, kind, amount, booked at]. */
export async function book(
  prisma: PrismaClient,
  orderId: string,
  entries: readonly [string, SettlementKind, number, Date][],
) {
  await prisma.settlementEntry.createMany({
    data: entries.map(([organizationId, kind, amount, createdAt]) => ({
      orderId,
      organizationId,
      kind,
      amount,
      createdAt,
    })),
  });
}
