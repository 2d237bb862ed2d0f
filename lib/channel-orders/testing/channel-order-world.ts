import { hashToken } from "@/lib/feed/feed-token";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createOrderWorld, type OrderWorld } from "@/lib/orders/testing/order-world";

// Test support: the order world (lib/orders/testing) with two marketplace channels and their
// connector tokens. `tm` sells the whole pool (SHARED); `jd` holds a fixed 1 unit of each SKU.

export type ChannelOrderWorld = OrderWorld & {
  tm: { id: string; code: string; token: string };
  jd: { id: string; code: string; token: string };
  suffix: string;
};

export async function createChannelOrderWorld(prisma: PrismaClient): Promise<ChannelOrderWorld> {
  const w = await createOrderWorld(prisma);
  const suffix = w.node("near").split("_").pop() ?? "";
  const web = await prisma.channel.findUniqueOrThrow({ where: { id: w.channel("web") } });
  const make = async (
    key: "tm" | "jd",
    kind: "TMALL" | "JD",
    policy: { mode: "SHARED" | "FIXED"; fixedQty?: number },
  ) => {
    const code = `${key.toUpperCase()}_${suffix}`;
    const token = `token-${key}-${suffix}`;
    const channel = await prisma.channel.create({
      data: {
        code,
        name: key,
        nameZh: key,
        kind,
        priority: key === "tm" ? 2 : 3,
        organizationId: web.organizationId,
        feedTokenHash: hashToken(token),
      },
    });
    await prisma.allocationPolicy.create({
      data: { channelId: channel.id, scope: "CATEGORY", categoryId: `cat_c_${suffix}`, ...policy },
    });
    return { id: channel.id, code, token };
  };
  const tm = await make("tm", "TMALL", { mode: "SHARED" });
  const jd = await make("jd", "JD", { mode: "FIXED", fixedQty: 1 });
  return { ...w, tm, jd, suffix };
}

/** A valid express order to Nanjing Road for `quantity` of a SKU, as a connector sends it. */
export function expressOrder(channelOrderId: string, skuCode: string, quantity = 1) {
  return {
    channelOrderId,
    lines: [{ sku: skuCode, quantity, unitPrice: 19_900 }],
    shippingFee: 800,
    buyer: { name: "Li Lei", phone: "+86 138 0000 0000" },
    method: "EXPRESS",
    address: {
      addressLine: "1 Nanjing Road",
      city: "Shanghai",
      latitude: 31.2355,
      longitude: 121.4815,
    },
    paid: true,
  };
}
