import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { intakeChannelOrder } from "@/lib/channel-orders/intake-channel-order.server";
import {
  createChannelOrderWorld,
  expressOrder,
  type ChannelOrderWorld,
} from "@/lib/channel-orders/testing/channel-order-world";
import type { FulfilmentActor } from "@/lib/fulfilment/actor";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import { handToCourier } from "@/lib/fulfilment/hand-to-courier.server";
import { markDelivered } from "@/lib/fulfilment/mark-delivered.server";
import { markReadyForPickup } from "@/lib/fulfilment/mark-ready-for-pickup.server";
import { packFulfilment } from "@/lib/fulfilment/pack-fulfilment.server";
import { pickLines } from "@/lib/fulfilment/pick-lines.server";
import { verifyPickupCode } from "@/lib/fulfilment/verify-pickup-code.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { cancelUnpaidOrder } from "@/lib/orders/cancel-unpaid-order.server";
import { placeOrder } from "@/lib/orders/place-order.server";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { orderEventPageSchema, refusalSchema } from "@/lib/channel-orders/channel-api-schemas";

// The handler runs as Next would call it; only the session and the database are swapped in.
const harness = vi.hoisted(() => ({
  user: null as SessionUser | null,
  prisma: undefined as PrismaClient | undefined,
}));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => harness.user }));
vi.mock("@/lib/db/client.server", () => ({
  getDb: async () => {
    if (!harness.prisma) throw new Error("database not open");
    return harness.prisma;
  },
}));

const { GET } = await import("./route");

type Page = {
  channel: string;
  cursor: number;
  hasMore: boolean;
  events: {
    id: number;
    channelOrderId: string;
    orderNo: string;
    kind: string;
    courierName: string | null;
    trackingNo: string | null;
    amount: number | null;
  }[];
};

async function get(code: string, token: string | null, query = "") {
  const request = new Request(`http://test/api/channels/${code}/order-events${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const response = await GET(request, { params: Promise.resolve({ code }) });
  const body = (await response.json()) as Page;
  // Every answer is what the OpenAPI document says it is.
  const documented = response.ok ? orderEventPageSchema : refusalSchema;
  expect(documented.safeParse(body).error?.issues ?? []).toEqual([]);
  return { status: response.status, body };
}

describe("GET /api/channels/[code]/order-events", () => {
  const db = useMigratedDatabase("pglite");
  let w: ChannelOrderWorld;
  beforeAll(async () => {
    harness.prisma = db();
    w = await createChannelOrderWorld(db());
  });

  const intake = (body: object) =>
    intakeChannelOrder(db(), { input: { code: w.tm.code, ...body }, stockGate: null });
  const actorAt = (nodeId: string): FulfilmentActor => ({
    id: w.staffUserId,
    role: "STORE_STAFF",
    storeNodeId: nodeId,
  });
  async function throughPacking(orderNo: string) {
    const fo = await db().fulfilmentOrder.findFirstOrThrow({
      where: { order: { orderNo }, shipToNodeId: null },
      include: { lines: true },
    });
    const step = { fulfilmentOrderId: fo.id, actor: actorAt(fo.nodeId) };
    await acceptFulfilment(db(), step);
    await pickLines(db(), {
      ...step,
      ticks: fo.lines.map((l) => ({ lineId: l.id, pickedQty: l.quantity })),
    });
    await packFulfilment(db(), step);
    return { step, fo };
  }

  it("tells the channel each status change of its orders, in order, after a cursor", async () => {
    const shipped = await intake(expressOrder("EV-SHIP", w.sku("cap")));
    const pickup = await intake({
      ...expressOrder("EV-PICKUP", w.sku("tee")),
      method: "PICKUP",
      address: undefined,
      pickupStoreCode: w.node("near"),
    });
    const unpaid = await intake({ ...expressOrder("EV-UNPAID", w.sku("tee")), paid: false });
    // A web order is nobody's channel order: it tells no connector anything.
    await placeOrder(db(), {
      channelCode: w.webCode,
      buyer: { kind: "MEMBER", userId: w.memberUserId },
      lines: [{ skuId: w.sku("tee"), quantity: 1 }],
      method: "PICKUP",
      destination: { kind: "store", nodeId: w.node("near") },
      contact: { name: "Web shopper" },
      paymentProvider: "DEMO",
      idempotencyKey: `web-${w.suffix}`,
      stockGate: null,
    });

    const express = await throughPacking(shipped.orderNo);
    await handToCourier(db(), { ...express.step, courierName: "SF Express", trackingNo: "SF123" });
    await markDelivered(db(), express.step);
    const store = await throughPacking(pickup.orderNo);
    await markReadyForPickup(db(), store.step);
    await verifyPickupCode(db(), { ...store.step, code: store.fo.pickupCode ?? "" });
    await cancelUnpaidOrder(db(), {
      orderId: (await orderId(unpaid.orderNo))!,
      reason: "CANCELLED_BY_SHOPPER",
    });
    await refundOrderPayment(db(), {
      orderId: (await orderId(shipped.orderNo))!,
      amount: 5_000,
      reason: "goodwill",
    });

    const all = await get(w.tm.code, w.tm.token);
    expect(all.status).toBe(200);
    expect(all.body.events.map((e) => `${e.channelOrderId} ${e.kind}`)).toEqual([
      "EV-SHIP ACCEPTED",
      "EV-SHIP PAID",
      "EV-PICKUP ACCEPTED",
      "EV-PICKUP PAID",
      "EV-UNPAID ACCEPTED",
      "EV-SHIP SHIPPED",
      "EV-SHIP DELIVERED",
      "EV-PICKUP READY_FOR_PICKUP",
      "EV-PICKUP PICKED_UP",
      "EV-UNPAID CANCELLED",
      "EV-SHIP REFUNDED",
    ]);
    const ids = all.body.events.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(all.body.events.find((e) => e.kind === "SHIPPED")).toMatchObject({
      orderNo: shipped.orderNo,
      courierName: "SF Express",
      trackingNo: "SF123",
    });
    expect(all.body.events.find((e) => e.kind === "REFUNDED")?.amount).toBe(5_000);
    expect(all.body.cursor).toBe(ids.at(-1));

    const first = await get(w.tm.code, w.tm.token, "?limit=4");
    expect(first.body).toMatchObject({ hasMore: true, cursor: ids[3] });
    const rest = await get(w.tm.code, w.tm.token, `?since=${first.body.cursor}`);
    expect(rest.body.events.map((e) => e.id)).toEqual(ids.slice(4));
    const none = await get(w.tm.code, w.tm.token, `?since=${rest.body.cursor}`);
    expect(none.body).toMatchObject({ events: [], hasMore: false, cursor: rest.body.cursor });

    // A resend of an order the channel already heard of tells it nothing new.
    await intake(expressOrder("EV-SHIP", w.sku("cap")));
    const after = await get(w.tm.code, w.tm.token, `?since=${rest.body.cursor}`);
    expect(after.body.events).toEqual([]);
  });

  it("shows a channel only its own orders, and only to its own token", async () => {
    expect((await get(w.tm.code, w.jd.token)).status).toBe(403);
    expect((await get(w.tm.code, null)).status).toBe(401);
    expect((await get(w.tm.code, "nobody")).status).toBe(401);
    expect((await get("NOPE", w.tm.token)).status).toBe(404);
    expect((await get(w.tm.code, w.tm.token, "?since=-1")).status).toBe(400);
    const jd = await get(w.jd.code, w.jd.token);
    expect(jd.status).toBe(200);
    expect(jd.body.events).toEqual([]);
  });

  async function orderId(orderNo: string) {
    return (await db().order.findUnique({ where: { orderNo } }))?.id;
  }
});
