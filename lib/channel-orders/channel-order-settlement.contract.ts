import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refundOrderPayment } from "@/lib/payments/refund-order-payment.server";
import { shareAt } from "@/lib/settlement/settlement-rules";
import { intakeChannelOrder } from "./intake-channel-order.server";
import {
  createChannelOrderWorld,
  expressOrder,
  type ChannelOrderWorld,
} from "./testing/channel-order-world";

/**
 * A marketplace order in the settlement ledger, shared by the PGlite and PostgreSQL runs: the
 * TMALL channel belongs to a marketplace organisation of its own, the web store to the brand and
 * the pickup store to a franchisee, so each entry's organisation says who it was booked to.
 */
export function defineChannelOrderSettlementTests(db: () => PrismaClient): void {
  let w: ChannelOrderWorld;
  let brandOrg: string;
  let tmallOrg: string;
  let storeOrg: string;

  beforeAll(async () => {
    const prisma = db();
    w = await createChannelOrderWorld(prisma);
    brandOrg = (await prisma.channel.findUniqueOrThrow({ where: { id: w.channel("web") } }))
      .organizationId;
    const organisation = (code: string, kind: "MARKETPLACE" | "FRANCHISEE") =>
      prisma.organization.create({
        data: { code: `${code}-${w.suffix}`, name: code, nameZh: code, kind },
      });
    tmallOrg = (await organisation("TMALL", "MARKETPLACE")).id;
    storeOrg = (await organisation("FRANCHISE", "FRANCHISEE")).id;
    await prisma.channel.update({ where: { id: w.tm.id }, data: { organizationId: tmallOrg } });
    await prisma.node.update({ where: { id: w.node("near") }, data: { organizationId: storeOrg } });
  });

  const entriesOf = (orderId: string, kind: "sale" | "refund") =>
    db().settlementEntry.findMany({
      where: { orderId, payment: { kind: kind === "sale" ? "CHARGE" : "REFUND" } },
      orderBy: [{ kind: "asc" }, { amount: "desc" }],
      select: { organizationId: true, kind: true, amount: true, channelId: true, nodeId: true },
    });

  const sumOf = (entries: readonly { amount: number }[]) =>
    entries.reduce((s, e) => s + e.amount, 0);

  const perOrganisation = (entries: readonly { organizationId: string; amount: number }[]) => {
    const out: Record<string, number> = {};
    for (const e of entries) out[e.organizationId] = (out[e.organizationId] ?? 0) + e.amount;
    return out;
  };

  /** A paid TMALL order for two tees collected at the `near` store (a franchisee's). */
  async function paidTmallPickup(channelOrderId: string) {
    const { address: _address, ...order } = expressOrder(channelOrderId, w.sku("tee"), 2);
    const receipt = await intakeChannelOrder(db(), {
      input: {
        code: w.tm.code,
        ...order,
        shippingFee: 0,
        method: "PICKUP",
        pickupStoreCode: w.node("near"),
      },
      stockGate: null,
    });
    expect(receipt).toMatchObject({ created: true, paymentStatus: "PAID", total: 2 * 19_900 });
    return db().order.findUniqueOrThrow({
      where: { orderNo: receipt.orderNo },
      include: { fulfilmentOrders: true },
    });
  }

  it("credits the sale to the TMALL channel's organisation and the fee pair to the shipping store's", async () => {
    const order = await paidTmallPickup("TM-SETTLE-1");
    expect(order.channelId).toBe(w.tm.id);
    expect(order.fulfilmentOrders.map((fo) => fo.nodeId)).toEqual([w.node("near")]);
    const fee = shareAt(2 * 19_900, 600);
    expect(fee).toBe(2_388);

    const sale = await entriesOf(order.id, "sale");
    expect(sale).toEqual([
      {
        organizationId: tmallOrg,
        kind: "SALES_CREDIT",
        amount: order.total,
        channelId: w.tm.id,
        nodeId: null,
      },
      {
        organizationId: storeOrg,
        kind: "FULFILMENT_FEE",
        amount: fee,
        channelId: null,
        nodeId: w.node("near"),
      },
      {
        organizationId: tmallOrg,
        kind: "FULFILMENT_FEE",
        amount: -fee,
        channelId: w.tm.id,
        nodeId: w.node("near"),
      },
    ]);
    expect(sumOf(sale)).toBe(order.total);
    // The web store's organisation earns nothing from a sale it did not make.
    expect(perOrganisation(sale)).toEqual({ [tmallOrg]: order.total - fee, [storeOrg]: fee });
    expect(sale.some((e) => e.organizationId === brandOrg)).toBe(false);
  });

  it("books a refund's reversal to the same organisations, in proportion, until nothing is left", async () => {
    const order = await paidTmallPickup("TM-SETTLE-2");
    const fee = shareAt(2 * 19_900, 600);

    // One tee back: half the sale and half the fee pair reversed.
    expect(
      await refundOrderPayment(db(), { orderId: order.id, amount: 19_900, reason: "one tee" }),
    ).toEqual({ refunded: 19_900 });
    const half = await entriesOf(order.id, "refund");
    expect(half).toEqual([
      {
        organizationId: tmallOrg,
        kind: "FULFILMENT_FEE",
        amount: fee / 2,
        channelId: w.tm.id,
        nodeId: w.node("near"),
      },
      {
        organizationId: storeOrg,
        kind: "FULFILMENT_FEE",
        amount: -fee / 2,
        channelId: null,
        nodeId: w.node("near"),
      },
      {
        organizationId: tmallOrg,
        kind: "REFUND",
        amount: -19_900,
        channelId: w.tm.id,
        nodeId: null,
      },
    ]);
    expect(sumOf(half)).toBe(-19_900);

    // The rest back: every organisation's share of this order comes to nothing.
    expect(await refundOrderPayment(db(), { orderId: order.id, reason: "the rest" })).toEqual({
      refunded: order.total - 19_900,
    });
    const refunds = await entriesOf(order.id, "refund");
    expect(sumOf(refunds)).toBe(-order.total);
    expect(new Set(refunds.map((e) => e.organizationId))).toEqual(new Set([tmallOrg, storeOrg]));
    const all = await db().settlementEntry.findMany({ where: { orderId: order.id } });
    expect(perOrganisation(all)).toEqual({ [tmallOrg]: 0, [storeOrg]: 0 });
    const paid = await db().order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paid.paymentStatus).toBe("REFUNDED");
  });
}
