import { describe, expect, it } from "vitest";
import { buildSeedData, type SeedData } from "./build-seed";
import { channelId, channelOrganizationId } from "./channels";
import { DAY_MS } from "./clock";
import { HISTORY_DAYS } from "./history-plan";
import { MARKETPLACE_CHANNELS } from "./marketplace-orders";

const now = new Date("2026-11-22T04:00:00Z");
const data = buildSeedData({ now, passwordHash: "hash" });
const time = (value: Date | string | undefined | null): number => new Date(value ?? 0).getTime();

// Everything except timestamps, which legitimately follow the clock.
function withoutTimes(seed: SeedData) {
  return {
    orders: seed.history.orders.map((o) => [
      o.id,
      o.memberId,
      o.channelId,
      o.channelOrderId,
      o.method,
      o.total,
    ]),
    lines: seed.history.orderLines.map((l) => [l.id, l.skuId, l.quantity, l.lineTotal]),
    levels: seed.stock.map((e) => e.level),
    movements: seed.stock.flatMap((e) =>
      e.movements.map((m) => [m.kind, m.onHandDelta, m.documentId]),
    ),
    members: seed.membership.members.map((m) => [m.id, m.pointsBalance, m.tier]),
  };
}

describe("buildSeedData", () => {
  it("is the same on every run with the same clock", () => {
    expect(buildSeedData({ now, passwordHash: "hash" })).toEqual(data);
  });

  it("decides the same orders and stock whatever the clock, so a rerun tomorrow adds nothing", () => {
    const tomorrow = buildSeedData({
      now: new Date(now.getTime() + DAY_MS + 5 * 3_600_000),
      passwordHash: "hash",
    });
    expect(withoutTimes(tomorrow)).toEqual(withoutTimes(data));
  });

  it("writes a few thousand paid, completed orders over the last 3–4 months", () => {
    const orders = data.history.orders;
    expect(orders.length).toBeGreaterThan(2000);
    expect(orders.length).toBeLessThan(5000);
    const oldest = Math.min(...orders.map((o) => time(o.placedAt)));
    expect((now.getTime() - oldest) / DAY_MS).toBeGreaterThan(90);
    expect((now.getTime() - oldest) / DAY_MS).toBeLessThanOrEqual(HISTORY_DAYS + 1);
    for (const o of orders) {
      expect(o.status).toBe("COMPLETED");
      expect(o.paymentStatus).toBe("PAID");
      expect(time(o.placedAt)).toBeLessThan(time(o.paidAt));
      expect(time(o.paidAt)).toBeLessThanOrEqual(time(o.completedAt));
      expect(time(o.completedAt)).toBeLessThan(now.getTime());
    }
  });

  it("spreads orders over channels and all three fulfilment methods", () => {
    const channels = new Set(data.history.orders.map((o) => o.channelId));
    expect(channels.size).toBeGreaterThanOrEqual(7);
    const methods = new Set(data.history.orders.map((o) => o.method));
    expect([...methods].sort()).toEqual(["EXPRESS", "PICKUP", "SAME_CITY"]);
    const byNode = new Map(data.history.fulfilmentOrders.map((f) => [f.orderId, f.nodeId]));
    for (const o of data.history.orders) {
      const node = byNode.get(o.id) ?? "";
      if (o.method === "EXPRESS") expect(node).toMatch(/^node_(CW|RW)-/);
      else expect(node).toMatch(/^node_(SH|BJ|GZ)-\d{3}$/);
      if (o.method === "PICKUP") expect(o.pickupNodeId).toBe(node);
    }
  });

  it("takes two orders in five from the marketplaces, each with its own id, charge and events", () => {
    const orders = data.history.orders;
    const marketplaceChannels = new Set(MARKETPLACE_CHANNELS.map((c) => channelId(c)));
    const marketplace = orders.filter((o) => marketplaceChannels.has(o.channelId));
    expect(marketplace.length / orders.length).toBeGreaterThan(0.35);
    expect(marketplace.length / orders.length).toBeLessThan(0.45);
    const style: Record<string, RegExp> = {
      [channelId("TMALL")]: /^[23]\d{18}$/,
      [channelId("JD")]: /^[23]\d{11}$/,
      [channelId("DOUYIN")]: /^69\d{17}$/,
    };
    const keys = new Set(marketplace.map((o) => `${o.channelId}:${o.channelOrderId}`));
    expect(keys.size).toBe(marketplace.length);
    const payments = new Map(data.history.payments.map((p) => [p.orderId, p]));
    const pointsOrders = new Set(data.membership.pointsEntries.map((p) => p.orderId));
    for (const o of orders) {
      if (!marketplaceChannels.has(o.channelId)) {
        expect(o.channelOrderId ?? null).toBeNull();
        continue;
      }
      expect(o.channelOrderId).toMatch(style[o.channelId] ?? /^$/);
      expect(o).toMatchObject({ buyerType: "MARKETPLACE", userId: null, memberId: null });
      expect(o).toMatchObject({ paymentProvider: "CHANNEL", pointsEarned: 0 });
      expect(payments.get(o.id)).toMatchObject({ provider: "CHANNEL", amount: o.total });
      expect(pointsOrders.has(o.id)).toBe(false);
    }
    // The marketplace's organisation books the sales credit, as for a live marketplace order.
    const code = (id: string) => id.replace(/^ch_/, "") as (typeof MARKETPLACE_CHANNELS)[number];
    const channelOf = new Map(marketplace.map((o) => [o.id, o.channelId]));
    for (const s of data.history.settlementEntries) {
      const ch = channelOf.get(s.orderId);
      if (ch && s.kind === "SALES_CREDIT")
        expect(s.organizationId).toBe(channelOrganizationId(code(ch)));
    }
    // Marketplace buyers get parcels or the one-hour delivery their platform runs.
    expect(new Set(marketplace.map((o) => o.method))).toEqual(new Set(["EXPRESS", "SAME_CITY"]));
  });

  it("gives every marketplace order its events in the writers' order, oldest first", () => {
    const events = data.history.channelOrderEvents;
    const times = events.map((e) => time(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(events.length);
    const fulfilment = new Map(data.history.fulfilmentOrders.map((f) => [f.orderId, f]));
    const byOrder = new Map<string, typeof events>();
    for (const e of events) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    const marketplace = data.history.orders.filter((o) => o.channelOrderId);
    expect(byOrder.size).toBe(marketplace.length);
    for (const o of marketplace) {
      const mine = byOrder.get(o.id) ?? [];
      const fo = fulfilment.get(o.id);
      expect(mine.map((e) => e.kind)).toEqual(
        o.method === "PICKUP"
          ? ["ACCEPTED", "PAID", "READY_FOR_PICKUP", "PICKED_UP"]
          : ["ACCEPTED", "PAID", "SHIPPED", "DELIVERED"],
      );
      for (const e of mine) {
        expect(e).toMatchObject({ channelId: o.channelId, channelOrderId: o.channelOrderId });
        expect(time(e.createdAt)).toBeLessThan(now.getTime());
      }
      expect(time(mine[1]?.createdAt)).toBe(time(o.paidAt));
      expect(time(mine[3]?.createdAt)).toBe(time(o.completedAt));
      if (o.method !== "PICKUP")
        expect(mine[2]).toMatchObject({
          fulfilmentOrderId: fo?.id,
          courierName: fo?.courierName,
          trackingNo: fo?.trackingNo,
        });
    }
  });

  it("makes every order total the sum of its line totals, and its sales credit", () => {
    const lineSum = new Map<string, number>();
    for (const l of data.history.orderLines)
      lineSum.set(l.orderId, (lineSum.get(l.orderId) ?? 0) + l.lineTotal);
    const credit = new Map<string, number>();
    for (const s of data.history.settlementEntries) {
      if (s.kind === "SALES_CREDIT") credit.set(s.orderId, (credit.get(s.orderId) ?? 0) + s.amount);
    }
    for (const o of data.history.orders) {
      expect(lineSum.get(o.id)).toBe(o.total);
      expect(credit.get(o.id)).toBe(o.total);
      expect(o.subtotal - (o.discountTotal ?? 0) + (o.shippingFee ?? 0)).toBe(o.total);
    }
  });

  it("replays every stock level from its movements without on-hand ever going negative", () => {
    for (const { level, movements } of data.stock) {
      const sum = (pick: (m: (typeof movements)[number]) => number | undefined) =>
        movements.reduce((total, m) => total + (pick(m) ?? 0), 0);
      expect(sum((m) => m.onHandDelta)).toBe(level.onHand);
      expect(sum((m) => m.reservedDelta)).toBe(level.reserved ?? 0);
      expect(sum((m) => m.inboundDelta)).toBe(level.inbound ?? 0);
      let running = 0;
      for (const m of [...movements].sort((a, b) => time(a.createdAt) - time(b.createdAt))) {
        running += m.onHandDelta ?? 0;
        expect(running).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("sells some SKUs fast and others slowly, and the same SKU unevenly across stores", () => {
    const sold = new Map<string, number>();
    for (const s of data.history.sales) sold.set(s.skuId, (sold.get(s.skuId) ?? 0) + s.quantity);
    const volumes = [...sold.values()].sort((a, b) => b - a);
    const median = volumes[Math.floor(volumes.length / 2)] ?? 1;
    expect(volumes[0] ?? 0).toBeGreaterThan(8 * median);
    // Stock that has not sold anywhere in a store is what transfer suggestions move.
    const storeLevels = data.stock.filter((e) => /node_(SH|BJ|GZ)-/.test(e.level.nodeId));
    const unsold = storeLevels.filter((e) => !e.movements.some((m) => m.kind === "SALE"));
    const soldOut = storeLevels.filter((e) => e.level.onHand === 0);
    expect(unsold.length).toBeGreaterThan(storeLevels.length / 4);
    expect(soldOut.length).toBeGreaterThan(20);
  });

  it("keeps points balances equal to the points ledger and the demo consumer's coupon unused", () => {
    const sums = new Map<string, number>();
    for (const p of data.membership.pointsEntries)
      sums.set(p.memberId, (sums.get(p.memberId) ?? 0) + p.delta);
    for (const m of data.membership.members) expect(m.pointsBalance).toBe(sums.get(m.id));
    const demo = data.membership.memberCoupons.find(
      (c) => c.memberId === "mem_001" && c.couponId === "cpn_WELCOME20",
    );
    expect(demo?.status).toBe("CLAIMED");
    for (const coupon of data.membership.coupons) {
      const claims = data.membership.memberCoupons.filter((c) => c.couponId === coupon.id);
      expect(coupon.claimedCount).toBe(claims.length);
    }
  });
});
