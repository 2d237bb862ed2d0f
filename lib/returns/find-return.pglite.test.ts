import { beforeAll, describe, expect, it } from "vitest";
import { createShopWorld, createTestOrder, type ShopWorld } from "@/lib/cart/testing/shop-world";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { refusalOf } from "@/lib/reservations/test-world";
import { findReturnAtCounter } from "./find-return.server";
import { listOnlineReturnsAwaiting, listReturnWarehouses } from "./list-awaiting-returns.server";
import { receiveReturn } from "./receive-return.server";
import { requestReturn } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";

describe("finding a return at the counter (embedded PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  let world: ShopWorld;
  let staff: ReturnActor;
  const admin: ReturnActor = { id: "usr-admin", role: "ADMIN", storeNodeId: null };

  beforeAll(async () => {
    world = await createShopWorld(db());
    staff = { id: world.staffUserId, role: "STORE_STAFF", storeNodeId: world.node("near") };
  });

  /** 2 tees for 1,000.00 and 1 rare for 500.00, 300 points redeemed; the buyer's phone is set. */
  async function orderWithReturns(buyer = world.shopper) {
    const prisma = db();
    const order = await createTestOrder(prisma, world, {
      buyer,
      lines: [
        [world.sku("tee"), 2, 100_000],
        [world.sku("rare"), 1, 50_000],
      ],
      pointsRedeemed: 300,
    });
    await prisma.order.update({
      where: { id: order.id },
      data: {
        contactPhone: "138-0013 8000",
        payments: {
          create: { provider: "DEMO", kind: "CHARGE", status: "SUCCEEDED", amount: order.total },
        },
      },
    });
    const [tee, rare] = order.lines;
    const atStore = await requestReturn(prisma, {
      userId: buyer.userId,
      request: {
        orderNo: order.orderNo,
        mode: "AT_STORE",
        reason: "WRONG_SIZE",
        lines: [
          { orderLineId: tee!.id, quantity: 1 },
          { orderLineId: rare!.id, quantity: 1 },
        ],
      },
    });
    const online = await requestReturn(prisma, {
      userId: buyer.userId,
      request: {
        orderNo: order.orderNo,
        mode: "ONLINE",
        reason: "DEFECTIVE",
        lines: [{ orderLineId: tee!.id, quantity: 1 }],
      },
    });
    return { order, atStore, online };
  }

  const emailOf = async (userId: string) =>
    (await db().user.findUniqueOrThrow({ where: { id: userId } })).email;

  it("finds a return by its code, however it is typed, with its order, items and paid value", async () => {
    const { order, atStore } = await orderWithReturns();
    const typed = `${atStore.returnCode!.slice(0, 4).toLowerCase()} ${atStore.returnCode!.slice(4)}`;
    const found = await findReturnAtCounter(db(), { actor: staff, query: typed });
    expect(found.kind).toBe("RETURN");
    if (found.kind !== "RETURN") return;
    expect(found.found).toMatchObject({
      returnId: atStore.returnId,
      rmaNo: atStore.rmaNo,
      status: "REQUESTED",
      atStore: true,
      refundAmount: 99_800,
      receivedAt: null,
      receivingNode: null,
      mayRefund: false,
      order: { orderNo: order.orderNo, contactName: "Shopper" },
    });
    // Tees: 100,000 less 200 of the points = 99,800 for 2; the rare: 50,000 less 100.
    expect(found.found.lines.map((l) => [l.product, l.quantity, l.paidValue, l.condition])).toEqual(
      expect.arrayContaining([
        ["Runner", 1, 49_900, null],
        ["Runner", 1, 49_900, null],
      ]),
    );
    expect(found.found.lines.every((l) => l.skuCode.length > 0 && l.productZh === "跑鞋")).toBe(
      true,
    );
  });

  it("finds a return by its RMA number, for an admin too", async () => {
    const { online } = await orderWithReturns();
    const found = await findReturnAtCounter(db(), {
      actor: admin,
      query: online.rmaNo.toLowerCase(),
    });
    expect(found.kind === "RETURN" && found.found).toMatchObject({
      rmaNo: online.rmaNo,
      atStore: false,
      refundAmount: 49_900,
      mayRefund: true,
    });
  });

  it("finds an order by number and the buyer's phone or email, with open returns and what is left", async () => {
    const { order, atStore, online } = await orderWithReturns();
    for (const contact of ["13800138000", (await emailOf(world.shopper.userId)).toUpperCase()]) {
      const found = await findReturnAtCounter(db(), {
        actor: staff,
        query: order.orderNo.toLowerCase(),
        contact,
      });
      expect(found.kind).toBe("ORDER");
      if (found.kind !== "ORDER") return;
      expect(found.found).toMatchObject({ orderNo: order.orderNo, returnable: true });
      expect(found.found.openReturns.map((r) => r.rmaNo)).toEqual([atStore.rmaNo, online.rmaNo]);
      // Both tees and the rare are already in the two returns.
      expect(found.found.lines.map((l) => [l.bought, l.returnable, l.paidPerUnit])).toEqual([
        [2, 0, 49_900],
        [1, 0, 49_900],
      ]);
    }
  });

  it("answers a wrong contact, a missing contact or an unknown code with nothing but NOT_FOUND", async () => {
    const { order, atStore } = await orderWithReturns();
    const other = await orderWithReturns(world.other);
    const find = (query: string, contact?: string) =>
      refusalOf(findReturnAtCounter(db(), { actor: staff, query, contact }));

    const wrongContact = await find(order.orderNo, "13900000000");
    expect([wrongContact.code, wrongContact.details]).toEqual(["NOT_FOUND", { reason: "ORDER" }]);
    const noContact = await find(order.orderNo);
    expect([noContact.code, noContact.details]).toEqual(["NOT_FOUND", { reason: "RETURN" }]);
    const unknownCode = await find("ABCDEFGH");
    expect([unknownCode.code, unknownCode.details]).toEqual(["NOT_FOUND", { reason: "RETURN" }]);
    expect((await find("RMA20990101000000")).details).toEqual({ reason: "RETURN" });
    const unknownOrder = await find("OP991231ZZZZZZ", "13800138000");
    expect(unknownOrder.details).toEqual({ reason: "ORDER" });

    // A real code with another buyer's contact reads exactly like an order that does not exist.
    const otherEmail = await emailOf(world.other.userId);
    const crossed = await find(atStore.returnCode!, otherEmail);
    expect([crossed.code, crossed.details, crossed.fieldErrors]).toEqual([
      "NOT_FOUND",
      { reason: "ORDER" },
      undefined,
    ]);
    expect(crossed.message).not.toContain(atStore.rmaNo);
    // The other buyer's order shows their returns only.
    const theirs = await findReturnAtCounter(db(), {
      actor: staff,
      query: other.order.orderNo,
      contact: otherEmail,
    });
    expect(theirs.kind === "ORDER" && theirs.found.openReturns.map((r) => r.rmaNo)).toEqual([
      other.atStore.rmaNo,
      other.online.rmaNo,
    ]);
  });

  it("finds a marketplace order by its channel order id, and asks for the order number when two channels share it", async () => {
    const prisma = db();
    const { order } = await orderWithReturns();
    // Every test order carries the same phone, so the buyer is told apart by email.
    const email = await emailOf(world.shopper.userId);
    const channelOrderId = `TB-${order.orderNo}`;
    await prisma.order.update({ where: { id: order.id }, data: { channelOrderId } });
    const found = await findReturnAtCounter(db(), {
      actor: staff,
      query: channelOrderId,
      contact: email,
    });
    expect(found.kind === "ORDER" && found.found.orderNo).toBe(order.orderNo);
    // Another buyer's order with the same id on its channel does not make this one ambiguous.
    const web = await prisma.channel.findUniqueOrThrow({ where: { id: world.webChannelId } });
    const marketplace = (code: string) =>
      prisma.channel.create({
        data: {
          code: `${code}-${order.orderNo}`,
          name: code,
          nameZh: code,
          kind: web.kind,
          priority: 9,
          organizationId: web.organizationId,
        },
      });
    const [jd, douyin] = [await marketplace("JD"), await marketplace("DY")];
    const { order: theirs } = await orderWithReturns(world.other);
    await prisma.order.update({
      where: { id: theirs.id },
      data: { channelOrderId, channelId: douyin.id },
    });
    const stillOne = await findReturnAtCounter(db(), {
      actor: staff,
      query: channelOrderId,
      contact: email,
    });
    expect(stillOne.kind === "ORDER" && stillOne.found.orderNo).toBe(order.orderNo);

    // The same buyer's order on the other channel under the same id: ask for the order number.
    const { order: second } = await orderWithReturns();
    await prisma.order.update({
      where: { id: second.id },
      data: { channelOrderId, channelId: jd.id },
    });
    const ambiguous = await refusalOf(
      findReturnAtCounter(db(), { actor: staff, query: channelOrderId, contact: email }),
    );
    expect([ambiguous.code, ambiguous.details]).toEqual([
      "CONFLICT",
      { reason: "AMBIGUOUS_CHANNEL_ORDER" },
    ]);
    const byNumber = await findReturnAtCounter(db(), {
      actor: staff,
      query: second.orderNo,
      contact: email,
    });
    expect(byNumber.kind === "ORDER" && byNumber.found.orderNo).toBe(second.orderNo);
  });

  it("refuses anyone but store staff and admins before reading anything", async () => {
    const { atStore } = await orderWithReturns();
    for (const actor of [
      { id: world.shopper.userId, role: "CONSUMER", storeNodeId: null },
      { id: "usr-employee", role: "EMPLOYEE", storeNodeId: null },
      { id: world.staffUserId, role: "STORE_STAFF", storeNodeId: null },
    ] as const) {
      const refused = await refusalOf(
        findReturnAtCounter(db(), { actor, query: atStore.returnCode! }),
      );
      expect([refused.code, refused.details]).toEqual([
        "FORBIDDEN",
        { reason: "STORE_STAFF_ONLY" },
      ]);
    }
    const short = await refusalOf(findReturnAtCounter(db(), { actor: staff, query: "ab" }));
    expect([short.code, Object.keys(short.fieldErrors ?? {})]).toEqual([
      "INVALID_INPUT",
      ["query"],
    ]);
  });

  it("shows where and when a return was received, who may refund it, and HQ's worklist", async () => {
    const prisma = db();
    const { atStore, online } = await orderWithReturns();
    const before = await findReturnAtCounter(prisma, { actor: staff, query: atStore.rmaNo });
    if (before.kind !== "RETURN") throw new Error("expected a return");
    const [first, second] = before.found.lines;
    const now = new Date("2026-12-06T10:00:00Z");
    await receiveReturn(prisma, {
      actor: staff,
      receipt: {
        returnId: atStore.returnId,
        lines: [
          { returnLineId: first!.returnLineId, decision: "RESTOCK" },
          { returnLineId: second!.returnLineId, decision: "REFUSE", refuseReason: "Worn outside" },
        ],
      },
      now,
    });
    const after = await findReturnAtCounter(prisma, { actor: staff, query: atStore.rmaNo });
    expect(after.kind === "RETURN" && after.found).toMatchObject({
      status: "RECEIVED",
      receivedAt: now,
      refundAmount: 49_900,
      mayRefund: true,
      receivingNode: { code: world.node("near") },
    });
    if (after.kind !== "RETURN") return;
    expect(after.found.lines.map((l) => [l.condition, l.refuseReason])).toEqual([
      ["RESALABLE", null],
      ["REFUSED", "Worn outside"],
    ]);
    const elsewhere = { ...staff, storeNodeId: "another-store" };
    const seenElsewhere = await findReturnAtCounter(prisma, {
      actor: elsewhere,
      query: atStore.rmaNo,
    });
    expect(seenElsewhere.kind === "RETURN" && seenElsewhere.found.mayRefund).toBe(false);

    const worklist = await listOnlineReturnsAwaiting(prisma);
    expect(worklist.parcels.map((r) => r.rmaNo)).toContain(online.rmaNo);
    expect(worklist.parcels.map((r) => r.rmaNo)).not.toContain(atStore.rmaNo);
    expect(worklist.parcels.every((r) => r.status === "REQUESTED" && !r.atStore)).toBe(true);
    expect(worklist.toRefund.find((r) => r.rmaNo === atStore.rmaNo)).toMatchObject({
      status: "RECEIVED",
      units: 2,
      refundAmount: 49_900,
      receivingNode: { code: world.node("near") },
    });
  });

  it("lists active warehouses as the places a parcel is received", async () => {
    const prisma = db();
    const store = await prisma.node.findUniqueOrThrow({ where: { id: world.node("near") } });
    const { id: _id, code: _code, createdAt: _at, ...facts } = store;
    await prisma.node.create({
      data: { ...facts, id: "wh-returns", code: "WH-RETURNS", type: "REGIONAL_WAREHOUSE" },
    });
    await prisma.node.create({
      data: {
        ...facts,
        id: "wh-closed",
        code: "WH-CLOSED",
        type: "CENTRAL_WAREHOUSE",
        active: false,
      },
    });
    expect((await listReturnWarehouses(prisma)).map((n) => n.code)).toEqual(["WH-RETURNS"]);
  });
});
