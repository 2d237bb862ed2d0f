import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { createWorld, type World } from "@/lib/reservations/test-world";

/**
 * A small city for order tests. Shanghai: store `near` (People's Square) and store `far`
 * (Pudong, ~10 km), both offering pickup and same-city delivery within 8 km; warehouse `wh`
 * (Jiading, ~30 km, express only). SKUs: `tee` everywhere, `cap` only at `far` and `wh`, `rare`
 * 2 units at `near`. One WEB channel selling everything. A member and a store staff user.
 */
export type OrderWorld = World & {
  memberUserId: string;
  memberId: string;
  staffUserId: string;
  webCode: string;
};

export async function createOrderWorld(prisma: PrismaClient): Promise<OrderWorld> {
  const world = await createWorld(prisma, {
    nodes: ["near", "far", "wh"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: {
      tee: { stock: { near: 10, far: 10, wh: 100 } },
      cap: { stock: { far: 5, wh: 50 } },
      rare: { stock: { near: 2 } },
    },
  });
  const place = (key: string, data: Prisma.NodeUpdateInput) =>
    prisma.node.update({ where: { id: world.node(key) }, data });
  await place("near", {
    latitude: 31.2304,
    longitude: 121.4737,
    offersSameCity: true,
    sameCityRadiusKm: 8,
    costPerKm: 100,
  });
  await place("far", {
    latitude: 31.2216,
    longitude: 121.5447,
    offersSameCity: true,
    sameCityRadiusKm: 8,
    costPerKm: 100,
  });
  await place("wh", {
    type: "REGIONAL_WAREHOUSE",
    latitude: 31.3747,
    longitude: 121.2655,
    offersPickup: false,
    costPerShipment: 600,
    costPerKm: 5,
  });
  const suffix = world.node("near").split("_").pop();
  const member = await prisma.user.create({
    data: {
      email: `member-${suffix}@test.dev`,
      name: "Member",
      passwordHash: "-",
      role: "CONSUMER",
      member: { create: { memberNo: `M-${suffix}`, pointsBalance: 500 } },
    },
    include: { member: true },
  });
  const staff = await prisma.user.create({
    data: {
      email: `staff-${suffix}@test.dev`,
      name: "Staff",
      passwordHash: "-",
      role: "STORE_STAFF",
      storeNodeId: world.node("near"),
    },
  });
  return {
    ...world,
    memberUserId: member.id,
    memberId: member.member!.id,
    staffUserId: staff.id,
    webCode: world.channel("web"),
  };
}

/** A point in Shanghai near the `near` store (Nanjing Road, ~1 km). */
export const NEAR_POINT = { latitude: 31.2355, longitude: 121.4815 };
/** A point in Suzhou, ~85 km away: outside every same-city radius. */
export const SUZHOU_POINT = { latitude: 31.2989, longitude: 120.5853 };
