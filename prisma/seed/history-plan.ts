import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { Assortment, LocalSku } from "./assortment";
import type { SkuFacts } from "./catalogue";
import { outletPrice, type ChannelCode } from "./channels";
import { haversineKm } from "./cities";
import {
  allocateDiscount,
  couponDiscount,
  couponValidOnDay,
  COUPONS,
  type CouponCode,
} from "./coupons";
import { channelOrderIdDrawer, isMarketplace } from "./marketplace-orders";
import { EXPRESS_WAREHOUSE_BY_CITY, nodeId, type NodeFacts } from "./nodes";
import type { MemberFacts } from "./people";
import { createRandom, type Random } from "./random";

/** How many days of history the seed writes (16 weeks). */
export const HISTORY_DAYS = 112;

export type PlannedLine = {
  sku: SkuFacts;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
};

/** One history order, decided without reference to the clock so that reruns decide the same. */
export type PlannedOrder = {
  number: number;
  /** Shanghai calendar days before the seed run (1 = yesterday). */
  daysAgo: number;
  /** Minute of that day the order was placed (Shanghai time). */
  minuteOfDay: number;
  /** The buyer; on a marketplace order only the person the goods go to (not the buyer of record). */
  member: MemberFacts;
  channel: ChannelCode;
  /** The marketplace's own order id (Tmall, JD, Douyin orders), else null. */
  channelOrderId: string | null;
  method: FulfilmentMethod;
  node: NodeFacts;
  lines: PlannedLine[];
  subtotal: number;
  discountTotal: number;
  total: number;
  coupon: CouponCode | null;
  pickupCode: string;
  trackingNo: string;
  /** Minutes from payment to each later fulfilment step (accepted … completed). */
  stepMinutes: readonly number[];
};

// Two orders in five come in from the marketplaces (Tmall, JD, Douyin).
const CHANNEL_MIX: readonly (readonly [ChannelCode, number])[] = [
  ["WEB", 26],
  ["MINI", 22],
  ["STORE_O2O", 9],
  ["TMALL", 20],
  ["JD", 11],
  ["DOUYIN", 9],
  ["OUTLET", 3],
];
// Share of PICKUP and SAME_CITY orders per channel; the rest ships EXPRESS. Marketplaces run
// their own one-hour delivery programmes, which stores near the buyer fulfil.
const METHOD_MIX: Record<ChannelCode, readonly [number, number]> = {
  WEB: [0.3, 0.3],
  MINI: [0.3, 0.3],
  STORE_O2O: [0.3, 0.7],
  TMALL: [0, 0.2],
  JD: [0, 0.2],
  DOUYIN: [0, 0.1],
  EMPLOYEE: [0, 0],
  OUTLET: [0, 0],
};
// The brand's own channels take its coupons; marketplaces run their own promotions.
const COUPON_CHANNELS: ReadonlySet<ChannelCode> = new Set(["WEB", "MINI", "STORE_O2O"]);

/** Plans ~3 000 paid orders over the last 16 weeks, each fulfilled by one node. */
export function planHistory(input: {
  members: readonly MemberFacts[];
  nodes: readonly NodeFacts[];
  assortment: Assortment;
}): PlannedOrder[] {
  const random = createRandom("history");
  const drawChannelOrderId = channelOrderIdDrawer();
  const { members, nodes, assortment } = input;
  const orders: PlannedOrder[] = [];
  const redeemed = new Set<string>();
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
    const count = Math.round(dailyOrders(daysAgo) * random.between(0.8, 1.2));
    // Shops open 09:00–23:00; order numbers follow the clock through the day.
    const minutes = Array.from({ length: count }, () => random.int(9 * 60, 22 * 60 + 59));
    minutes.sort((a, b) => a - b);
    for (const minuteOfDay of minutes) {
      const member = random.weighted(members, (m) => m.activity);
      const channel = random.weighted(CHANNEL_MIX, ([, weight]) => weight)[0];
      const { method, node } = chooseFulfilment(random, channel, member, nodes);
      const lines = chooseLines(random, assortment.get(node.id) ?? [], channel, daysAgo);
      if (lines.length === 0) continue;
      const subtotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
      const coupon = COUPON_CHANNELS.has(channel)
        ? chooseCoupon(random, member, daysAgo, subtotal, redeemed)
        : null;
      const discountTotal = coupon ? couponDiscount(couponSpec(coupon), subtotal) : 0;
      const shares = allocateDiscount(
        lines.map((l) => l.unitPrice * l.quantity),
        discountTotal,
      );
      lines.forEach((line, j) => {
        line.discount = shares[j] ?? 0;
        line.lineTotal = line.unitPrice * line.quantity - line.discount;
      });
      orders.push({
        number: orders.length + 1,
        daysAgo,
        minuteOfDay,
        member,
        channel,
        channelOrderId: isMarketplace(channel) ? drawChannelOrderId(channel) : null,
        method,
        node,
        lines,
        subtotal,
        discountTotal,
        total: subtotal - discountTotal,
        coupon,
        pickupCode: String(random.int(0, 999_999)).padStart(6, "0"),
        trackingNo:
          method === "EXPRESS"
            ? `SF${String(random.int(1e11, 1e12 - 1))}`
            : `SS${String(random.int(1e9, 1e10 - 1))}`,
        stepMinutes: fulfilmentTimeline(random, method),
      });
    }
  }
  return orders;
}

// Demand grows through the season, with a brand-day sale about seven weeks ago.
function dailyOrders(daysAgo: number): number {
  const trend = 0.85 + 0.3 * (1 - daysAgo / HISTORY_DAYS);
  const promo = daysAgo === 47 ? 2.6 : daysAgo === 46 ? 1.5 : 1;
  return 28 * trend * promo;
}

function chooseFulfilment(
  random: Random,
  channel: ChannelCode,
  member: MemberFacts,
  nodes: readonly NodeFacts[],
): { method: FulfilmentMethod; node: NodeFacts } {
  const byId = (id: string): NodeFacts => {
    const node = nodes.find((n) => n.id === id);
    if (!node) throw new Error(`unknown node ${id}`);
    return node;
  };
  const cityStores = nodes.filter((n) => n.kind === "STORE" && n.city === member.city);
  const roll = random.next();
  const [pickupShare, sameCityShare] = METHOD_MIX[channel];
  const wantsPickup = roll < pickupShare;
  const wantsSameCity = !wantsPickup && roll < pickupShare + sameCityShare;
  if (wantsPickup) {
    const node = random.chance(0.75)
      ? byId(member.homeStoreId)
      : random.weighted(cityStores, (s) => s.traffic);
    return { method: "PICKUP", node };
  }
  if (wantsSameCity) {
    const inReach = cityStores.filter(
      (s) => s.sameCityRadiusKm > 0 && haversineKm(s, member.home) <= s.sameCityRadiusKm,
    );
    if (inReach.length > 0) {
      const home = inReach.find((s) => s.id === member.homeStoreId);
      const node = home && random.chance(0.7) ? home : random.weighted(inReach, (s) => s.traffic);
      return { method: "SAME_CITY", node };
    }
  }
  // Clearance is held centrally; other parcels leave the warehouse of the buyer's region.
  const regional = channel !== "OUTLET" && random.chance(0.8);
  const code = regional ? EXPRESS_WAREHOUSE_BY_CITY[member.city] : EXPRESS_WAREHOUSE_BY_CITY.SH;
  return { method: "EXPRESS", node: byId(nodeId(code)) };
}

function chooseLines(
  random: Random,
  local: readonly LocalSku[],
  channel: ChannelCode,
  daysAgo: number,
): PlannedLine[] {
  const sellable = local.filter(({ sku }) => {
    if (sku.presale) return false;
    if (sku.launchedDaysAgo !== null && daysAgo >= sku.launchedDaysAgo) return false;
    return channel === "OUTLET" ? sku.lifecycle === "CLEARANCE" : true;
  });
  const wanted = random.weighted([1, 2, 3], (n) => [0.62, 0.28, 0.1][n - 1] ?? 0);
  const lines: PlannedLine[] = [];
  for (let i = 0; i < wanted && sellable.length > lines.length; i++) {
    const taken = new Set(lines.map((l) => l.sku.id));
    const { sku } = random.weighted(sellable, (s) => (taken.has(s.sku.id) ? 0 : s.localDemand));
    if (taken.has(sku.id)) break;
    const quantity =
      sku.category === "accessories"
        ? random.weighted([1, 2, 3], (n) => [0.7, 0.25, 0.05][n - 1] ?? 0)
        : random.chance(0.06)
          ? 2
          : 1;
    const unitPrice = channel === "OUTLET" ? outletPrice(sku.listPrice) : sku.listPrice;
    lines.push({ sku, quantity, unitPrice, discount: 0, lineTotal: unitPrice * quantity });
  }
  return lines;
}

function couponSpec(code: CouponCode) {
  const spec = COUPONS.find((c) => c.code === code);
  if (!spec) throw new Error(`unknown coupon ${code}`);
  return spec;
}

function chooseCoupon(
  random: Random,
  member: MemberFacts,
  daysAgo: number,
  subtotal: number,
  redeemed: Set<string>,
): CouponCode | null {
  for (const coupon of COUPONS) {
    const key = `${coupon.code}:${member.id}`;
    if (redeemed.has(key) || !couponValidOnDay(coupon, daysAgo)) continue;
    // The demo consumer's welcome coupon stays unused, for the checkout demo.
    if (member.isDemoConsumer && coupon.code === "WELCOME20") continue;
    if (subtotal < coupon.minSpend || !random.chance(coupon.historyRedemptionRate)) continue;
    redeemed.add(key);
    return coupon.code;
  }
  return null;
}

// Minutes after payment of: accepted, picked, packed, ready/handed over, completed.
function fulfilmentTimeline(random: Random, method: FulfilmentMethod): number[] {
  const accepted = random.int(3, 40);
  const picked = accepted + random.int(5, 30);
  const packed = picked + random.int(5, 20);
  if (method === "PICKUP") {
    const ready = packed + random.int(2, 15);
    return [accepted, picked, packed, ready, ready + random.int(60, 30 * 60)];
  }
  if (method === "SAME_CITY") {
    const handed = packed + random.int(10, 40);
    return [accepted, picked, packed, handed, handed + random.int(25, 90)];
  }
  const handed = packed + random.int(120, 16 * 60);
  return [accepted, picked, packed, handed, handed + random.int(20 * 60, 3 * 24 * 60)];
}
