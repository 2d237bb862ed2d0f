import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import {
  createChannelOrderWorld,
  expressOrder,
  type ChannelOrderWorld,
} from "@/lib/channel-orders/testing/channel-order-world";
import { hashToken } from "@/lib/feed/feed-token";
import { channelOrderReceiptSchema, refusalSchema } from "@/lib/channel-orders/channel-api-schemas";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { stockState } from "@/lib/reservations/test-world";

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

const { POST } = await import("./route");

type Body = {
  orderNo?: string;
  status?: string;
  paymentStatus?: string;
  created?: boolean;
  total?: number;
  refused?: { line: number; reason: string }[];
  holdExpiresAt?: string | null;
  error?: {
    code: string;
    details?: Record<string, unknown> & { lines?: { line: number; reason: string }[] };
    fieldErrors?: Record<string, unknown>;
  };
};

async function post(code: string, token: string | null, body: unknown) {
  const request = new Request(`http://test/api/channels/${code}/orders`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ code }) });
  const answer = (await response.json()) as Body;
  // Every answer is what the OpenAPI document says it is.
  const documented = response.ok ? channelOrderReceiptSchema : refusalSchema;
  expect(documented.safeParse(answer).error?.issues ?? []).toEqual([]);
  return { status: response.status, body: answer };
}

const admin: SessionUser = { id: "u1", email: "a@x", name: "A", role: "ADMIN", storeNodeId: null };

describe("POST /api/channels/[code]/orders", () => {
  const db = useMigratedDatabase("pglite");
  let w: ChannelOrderWorld;
  const tmPost = (body: unknown) => post(w.tm.code, w.tm.token, body);
  beforeAll(async () => {
    harness.prisma = db();
    w = await createChannelOrderWorld(db());
  });
  beforeEach(() => {
    harness.user = null;
  });

  it.each([
    ["no credentials", (): string | null => null, 401],
    ["an unknown token", (): string | null => "nobody's", 401],
    ["another channel's token", (): string | null => w.jd.token, 403],
  ] as const)("refuses %s and places nothing", async (_label, token, status) => {
    const before = await db().order.count({ where: { channelId: w.tm.id } });
    const res = await post(w.tm.code, token(), expressOrder("AUTH-1", w.sku("tee")));
    expect(res.status).toBe(status);
    expect(await db().order.count({ where: { channelId: w.tm.id } })).toBe(before);
  });

  it("refuses an admin session: only the channel's connector places its orders", async () => {
    harness.user = admin;
    const res = await post(w.tm.code, null, expressOrder("ADMIN-1", w.sku("tee")));
    expect(res.status).toBe(403);
  });

  it("refuses the web store's own channel: its orders come from its checkout, not the API", async () => {
    const webToken = `token-web-${w.suffix}`;
    await db().channel.update({
      where: { id: w.channel("web") },
      data: { feedTokenHash: hashToken(webToken) },
    });
    const before = await db().order.count();
    const res = await post(w.channel("web"), webToken, expressOrder("WEB-1", w.sku("tee")));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: "FORBIDDEN",
      details: { reason: "OWN_STOREFRONT", channelCode: w.channel("web") },
    });
    expect(await db().order.count()).toBe(before);
  });

  it("answers 404 for an unknown channel to a valid token", async () => {
    const res = await post("NOPE", w.tm.token, expressOrder("X-1", w.sku("tee")));
    expect(res.status).toBe(404);
  });

  it("places a paid order through routing into the stores' queues; a resend answers the same order", async () => {
    await publishFeed(db());
    const atsBefore = (
      await db().channelAts.findFirstOrThrow({ where: { channelId: w.tm.id, skuId: w.sku("tee") } })
    ).ats;
    const first = await tmPost(expressOrder("TM-1001", w.sku("tee"), 2));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      status: "PAID",
      paymentStatus: "PAID",
      total: 2 * 19_900 + 800,
    });
    const order = await db().order.findFirstOrThrow({
      where: { channelId: w.tm.id, channelOrderId: "TM-1001" },
      include: { routingDecisions: true, fulfilmentOrders: true, reservations: true, lines: true },
    });
    expect(order.orderNo).toBe(first.body.orderNo);
    expect(order).toMatchObject({
      buyerType: "MARKETPLACE",
      paymentProvider: "CHANNEL",
      contactName: "Li Lei",
    });
    expect(order.lines.map((l) => [l.skuId, l.quantity, l.unitPrice])).toEqual([
      [w.sku("tee"), 2, 19_900],
    ]);
    expect(order.routingDecisions).toHaveLength(1);
    expect(order.fulfilmentOrders.map((f) => f.status)).toEqual(["ROUTED"]);
    expect(order.reservations.map((r) => [r.channelId, r.kind, r.status, r.quantity])).toEqual([
      [w.tm.id, "ORDER_ALLOCATION", "ACTIVE", 2],
    ]);
    await publishFeed(db());
    const atsAfter = await db().channelAts.findFirstOrThrow({
      where: { channelId: w.tm.id, skuId: w.sku("tee") },
    });
    expect(atsAfter.ats).toBe(atsBefore - 2);

    const again = await tmPost(expressOrder("TM-1001", w.sku("tee"), 2));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, orderNo: first.body.orderNo });
    expect(await db().order.count({ where: { channelOrderId: "TM-1001" } })).toBe(1);

    const other = await tmPost(expressOrder("TM-1001", w.sku("tee"), 3));
    expect(other.status).toBe(409);
    expect(other.body.error?.details).toMatchObject({
      reason: "CHANNEL_ORDER_ID",
      orderNo: first.body.orderNo,
    });
  });

  it("the same order id in another channel is another order", async () => {
    const tm = await tmPost(expressOrder("SHARED-ID", w.sku("tee")));
    const jd = await post(w.jd.code, w.jd.token, expressOrder("SHARED-ID", w.sku("tee")));
    expect([tm.status, jd.status]).toEqual([201, 201]);
    expect(tm.body.orderNo).not.toBe(jd.body.orderNo);
  });

  it("an unpaid order holds its stock for the channel's own time, and a resend marked paid confirms it", async () => {
    await db().channel.update({ where: { id: w.tm.id }, data: { unpaidHoldMinutes: 30 } });
    const sent = Date.now();
    const unpaid = await tmPost({ ...expressOrder("TM-UNPAID", w.sku("cap")), paid: false });
    await db().channel.update({ where: { id: w.tm.id }, data: { unpaidHoldMinutes: 60 } });
    expect(unpaid.body).toMatchObject({ status: "PENDING_PAYMENT", paymentStatus: "PENDING" });
    const holds = await db().reservation.findMany({
      where: { order: { orderNo: unpaid.body.orderNo } },
    });
    expect(holds.map((h) => [h.kind, h.status])).toEqual([["CHECKOUT_HOLD", "ACTIVE"]]);
    const heldMinutes = (holds[0]!.expiresAt!.getTime() - sent) / 60_000;
    expect(heldMinutes).toBeGreaterThan(29);
    expect(heldMinutes).toBeLessThanOrEqual(30.5);
    // The connector is told when the hold lapses.
    expect(unpaid.body.holdExpiresAt).toBe(holds[0]!.expiresAt!.toISOString());
    const paid = await tmPost(expressOrder("TM-UNPAID", w.sku("cap")));
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      orderNo: unpaid.body.orderNo,
      status: "PAID",
      created: false,
      holdExpiresAt: null,
    });
  });

  it("takes a pickup at a store code and lines by barcode", async () => {
    await db().sku.update({ where: { id: w.sku("tee") }, data: { barcode: `690${w.suffix}` } });
    const res = await tmPost({
      channelOrderId: "TM-PICKUP",
      lines: [{ barcode: `690${w.suffix}`, quantity: 1, unitPrice: 9_900 }],
      buyer: { name: "Han Meimei" },
      method: "PICKUP",
      pickupStoreCode: w.node("near").toUpperCase(),
      paid: true,
    });
    expect(res.status).toBe(201);
    const order = await db().order.findUniqueOrThrow({
      where: { orderNo: res.body.orderNo },
      include: { fulfilmentOrders: true },
    });
    expect(order.pickupNodeId).toBe(w.node("near"));
    expect(order.fulfilmentOrders[0]?.pickupCode).toMatch(/^\d{6}$/);
  });

  it("places an address without coordinates at its city's nodes", async () => {
    const body = expressOrder("TM-CITY", w.sku("tee"));
    const res = await tmPost({
      ...body,
      address: { addressLine: "8 Century Avenue", city: "上海", district: "Jing'an" },
    });
    expect(res.status).toBe(201);
  });

  describe("refusals change nothing", () => {
    const good = () => expressOrder("BAD-1", w.sku("tee"));
    const cases: [string, () => unknown, number, string, string?][] = [
      [
        "quantity 0",
        () => ({ ...good(), lines: [{ sku: w.sku("tee"), quantity: 0, unitPrice: 1 }] }),
        400,
        "INVALID_INPUT",
      ],
      [
        "a negative quantity",
        () => ({ ...good(), lines: [{ sku: w.sku("tee"), quantity: -2, unitPrice: 1 }] }),
        400,
        "INVALID_INPUT",
      ],
      [
        "a fractional quantity",
        () => ({ ...good(), lines: [{ sku: w.sku("tee"), quantity: 0.5, unitPrice: 1 }] }),
        400,
        "INVALID_INPUT",
      ],
      [
        "a price in a float",
        () => ({ ...good(), lines: [{ sku: w.sku("tee"), quantity: 1, unitPrice: 99.9 }] }),
        400,
        "INVALID_INPUT",
      ],
      [
        "an unknown SKU",
        () => ({ ...good(), lines: [{ sku: "NO-SUCH-SKU", quantity: 1, unitPrice: 1 }] }),
        400,
        "INVALID_INPUT",
        "ORDER_LINES",
      ],
      [
        "an unknown pickup store",
        () => ({ ...good(), method: "PICKUP", address: undefined, pickupStoreCode: "NO-STORE" }),
        404,
        "NOT_FOUND",
        "STORE",
      ],
      [
        "an address no node can place",
        () => ({ ...good(), address: { addressLine: "1 Barkhor Street", city: "Lhasa" } }),
        422,
        "UNDELIVERABLE",
        "ADDRESS_UNPLACEABLE",
      ],
      [
        "more than the channel can sell",
        () => expressOrder("BAD-1", w.sku("rare"), 50),
        409,
        "OUT_OF_STOCK",
        "ORDER_LINES",
      ],
      ["a body that is not JSON", () => "{not json", 400, "INVALID_INPUT"],
      [
        "a body over 1 MB",
        () => ({ ...good(), buyer: { name: "x".repeat(1_100_000) } }),
        400,
        "INVALID_INPUT",
        "BODY_TOO_LARGE",
      ],
    ];
    it.each(cases)("refuses %s", async (_label, body, status, code, reason) => {
      const before = await stockState(db(), w.skuIds);
      const orders = await db().order.count();
      const res = await tmPost(body());
      expect(res.status).toBe(status);
      expect(res.body.error?.code).toBe(code);
      if (reason) expect(res.body.error?.details?.reason).toBe(reason);
      expect(await stockState(db(), w.skuIds)).toEqual(before);
      expect(await db().order.count()).toBe(orders);
    });

    it("names each refused line with its reason, all or nothing", async () => {
      await db().allocationPolicy.create({
        data: { channelId: w.tm.id, scope: "SKU", skuId: w.sku("cap"), mode: "FIXED", fixedQty: 0 },
      });
      const before = await stockState(db(), w.skuIds);
      const res = await tmPost({
        ...good(),
        lines: [
          { sku: w.sku("tee"), quantity: 1, unitPrice: 1 },
          { sku: w.sku("cap"), quantity: 1, unitPrice: 1 },
          { sku: "GHOST", quantity: 1, unitPrice: 1 },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.lines).toEqual([
        { line: 1, sku: w.sku("cap"), reason: "NOT_SOLD", requested: 1 },
        { line: 2, sku: "GHOST", reason: "UNKNOWN_SKU", requested: 1 },
      ]);
      expect(await stockState(db(), w.skuIds)).toEqual(before);
      await db().allocationPolicy.deleteMany({ where: { channelId: w.tm.id, scope: "SKU" } });
    });
  });

  it("a channel that accepts partial orders gets the lines that can be filled", async () => {
    await db().channel.update({ where: { id: w.jd.id }, data: { acceptsPartialOrders: true } });
    const res = await post(w.jd.code, w.jd.token, {
      ...expressOrder("JD-PARTIAL", w.sku("tee")),
      lines: [
        { sku: w.sku("cap"), quantity: 1, unitPrice: 5_000 },
        { sku: w.sku("tee"), quantity: 5, unitPrice: 1_000 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.refused).toEqual([
      {
        line: 1,
        sku: w.sku("tee"),
        reason: "CHANNEL_SHORT",
        requested: 5,
        available: expect.any(Number),
      },
    ]);
    expect(res.body.total).toBe(5_000 + 800);
    const again = await post(w.jd.code, w.jd.token, {
      ...expressOrder("JD-PARTIAL", w.sku("tee")),
      lines: [
        { sku: w.sku("cap"), quantity: 1, unitPrice: 5_000 },
        { sku: w.sku("tee"), quantity: 5, unitPrice: 1_000 },
      ],
    });
    expect(again.status).toBe(200);
    expect(again.body.orderNo).toBe(res.body.orderNo);
  });

  it("takes a presale SKU ahead of its inbound within its cap, and refuses the line beyond it", async () => {
    const tee = await db().sku.findUniqueOrThrow({ where: { id: w.sku("tee") } });
    const pre = await db().sku.create({
      data: {
        id: `pre_${w.suffix}`,
        productId: tee.productId,
        skuCode: `PRE-${w.suffix}`,
        barcode: `PRE-${w.suffix}`,
        color: "Black",
        colorZh: "黑",
        colorHex: "#000000",
        size: "pre",
        presaleEnabled: true,
        presaleCap: 3,
      },
    });
    const placed = await tmPost(expressOrder("TM-PRESALE", pre.skuCode, 2));
    expect(placed.status).toBe(201);
    const order = await db().order.findUniqueOrThrow({
      where: { orderNo: placed.body.orderNo as string },
      include: { lines: true, reservations: true },
    });
    expect(order.lines.map((l) => [l.skuId, l.isPresale])).toEqual([[pre.id, true]]);
    expect(order.reservations.map((r) => [r.kind, r.quantity])).toEqual([["PRESALE", 2]]);

    const beyond = await tmPost(expressOrder("TM-PRESALE-2", pre.skuCode, 2));
    expect(beyond.status).toBe(409);
    expect(beyond.body.error).toMatchObject({
      code: "OUT_OF_STOCK",
      details: {
        reason: "ORDER_LINES",
        lines: [{ line: 0, sku: pre.skuCode, reason: "PRESALE_CAP", requested: 2, available: 1 }],
      },
    });
    const pickup = await tmPost({
      ...expressOrder("TM-PRESALE-3", pre.skuCode, 1),
      method: "PICKUP",
      pickupStoreCode: w.node("near"),
    });
    expect(pickup.status).toBe(422);
    expect(pickup.body.error).toMatchObject({
      code: "UNDELIVERABLE",
      details: { reason: "PRESALE_EXPRESS_ONLY" },
    });
    expect((await db().sku.findUniqueOrThrow({ where: { id: pre.id } })).presaleSold).toBe(2);
    expect(
      await db().order.count({
        where: { channelOrderId: { in: ["TM-PRESALE-2", "TM-PRESALE-3"] } },
      }),
    ).toBe(0);
  });
});
