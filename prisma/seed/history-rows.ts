import type { Prisma } from "@/lib/generated/prisma/client";
import type { FulfilmentStatus } from "@/lib/generated/prisma/enums";
import { channelId, channelOrganizationId } from "./channels";
import { CITIES } from "./cities";
import { MINUTE_MS, shanghaiTime } from "./clock";
import type { PlannedOrder } from "./history-plan";
import { historyChannelEvents } from "./marketplace-orders";
import { nodeId } from "./nodes";
import { entriesForSale } from "@/lib/settlement/settlement-rules";
import type { WithId } from "./with-id";

/** A unit leaving a node's shelf for a history order; becomes a SALE stock movement. */
export type Sale = {
  nodeId: string;
  skuId: string;
  quantity: number;
  orderId: string;
  orderNo: string;
  at: Date;
};

export type HistoryRows = {
  orders: WithId<Prisma.OrderCreateManyInput>[];
  orderLines: Prisma.OrderLineCreateManyInput[];
  fulfilmentOrders: WithId<Prisma.FulfilmentOrderCreateManyInput>[];
  fulfilmentLines: Prisma.FulfilmentLineCreateManyInput[];
  fulfilmentEvents: Prisma.FulfilmentEventCreateManyInput[];
  payments: Prisma.PaymentCreateManyInput[];
  settlementEntries: Prisma.SettlementEntryCreateManyInput[];
  /** What the marketplaces heard about their orders, oldest first (ids are given in this order). */
  channelOrderEvents: Prisma.ChannelOrderEventCreateManyInput[];
  sales: Sale[];
};

/** The rates the first migration puts in force (SettlementRate), which history orders were paid at. */
export const INITIAL_SETTLEMENT_RATES = { fulfilmentFeeBps: 600, guideCommissionBps: 300 } as const;

const PICKUP_STEPS: readonly FulfilmentStatus[] = [
  "ACCEPTED",
  "PICKED",
  "PACKED",
  "READY_FOR_PICKUP",
  "PICKED_UP",
];
const DELIVERY_STEPS: readonly FulfilmentStatus[] = [
  "ACCEPTED",
  "PICKED",
  "PACKED",
  "HANDED_TO_COURIER",
  "DELIVERED",
];

/** The order's stable keys, derived from its number in the plan. */
export function historyOrderKeys(number: number): { id: string; orderNo: string; key: string } {
  const key = `h${String(number).padStart(6, "0")}`;
  return { id: `ord_${key}`, orderNo: `OP-H${String(number).padStart(6, "0")}`, key };
}

/** Turns planned orders into order, fulfilment, payment and settlement rows dated before `now`. */
export function buildHistoryRows(
  plans: readonly PlannedOrder[],
  now: Date,
  /** For employee orders: the organisation that employs the buyer and bears the discount. */
  employerOf?: (plan: PlannedOrder) => string | null,
): HistoryRows {
  const rows: HistoryRows = {
    orders: [],
    orderLines: [],
    fulfilmentOrders: [],
    fulfilmentLines: [],
    fulfilmentEvents: [],
    payments: [],
    settlementEntries: [],
    channelOrderEvents: [],
    sales: [],
  };
  const staffOfFlagship = nodeId("SH-001");
  for (const plan of plans) {
    const { id, orderNo, key } = historyOrderKeys(plan.number);
    const placedAt = shanghaiTime(now, plan.daysAgo, plan.minuteOfDay);
    const paidAt = historyPaidAt(plan, now);
    const stepTimes = fitBefore(now, paidAt, plan.stepMinutes);
    const handedOverAt = stepTimes[3] ?? paidAt;
    const completedAt = stepTimes[4] ?? paidAt;
    const pickup = plan.method === "PICKUP";
    // A marketplace's customer buys through the marketplace, which collects the money: no member
    // account, no points, a CHANNEL charge (as lib/channel-orders books a live one).
    const channelOrderId = plan.channelOrderId;
    const provider = channelOrderId ? "CHANNEL" : "DEMO";
    const courierName = pickup ? null : plan.method === "EXPRESS" ? "SF Express" : "Shansong";
    rows.orders.push({
      id,
      orderNo,
      channelId: channelId(plan.channel),
      channelOrderId,
      buyerType: channelOrderId ? "MARKETPLACE" : "MEMBER",
      userId: channelOrderId ? null : plan.member.userId,
      memberId: channelOrderId ? null : plan.member.id,
      method: plan.method,
      pickupNodeId: pickup ? plan.node.id : null,
      contactName: plan.member.name,
      contactPhone: plan.member.phone,
      addressLine: pickup ? null : plan.member.addressLine,
      city: CITIES[plan.member.city].name,
      latitude: pickup ? null : plan.member.home.latitude,
      longitude: pickup ? null : plan.member.home.longitude,
      subtotal: plan.subtotal,
      discountTotal: plan.discountTotal,
      shippingFee: 0,
      total: plan.total,
      pointsEarned: channelOrderId ? 0 : pointsFor(plan.total),
      paymentStatus: "PAID",
      paymentProvider: provider,
      status: "COMPLETED",
      placedAt,
      paidAt,
      completedAt,
    });
    const fulfilmentId = `ful_${key}`;
    rows.fulfilmentOrders.push({
      id: fulfilmentId,
      orderId: id,
      nodeId: plan.node.id,
      status: pickup ? "PICKED_UP" : "DELIVERED",
      pickupCode: pickup ? plan.pickupCode : null,
      courierName,
      trackingNo: pickup ? null : plan.trackingNo,
      createdAt: paidAt,
      updatedAt: completedAt,
    });
    plan.lines.forEach((line, i) => {
      const lineId = `oln_${key}_${i + 1}`;
      rows.orderLines.push({
        id: lineId,
        orderId: id,
        skuId: line.sku.id,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        lineTotal: line.lineTotal,
      });
      rows.fulfilmentLines.push({
        id: `fln_${key}_${i + 1}`,
        fulfilmentOrderId: fulfilmentId,
        orderLineId: lineId,
        skuId: line.sku.id,
        quantity: line.quantity,
        pickedQty: line.quantity,
      });
      rows.sales.push({
        nodeId: plan.node.id,
        skuId: line.sku.id,
        quantity: line.quantity,
        orderId: id,
        orderNo,
        at: handedOverAt,
      });
    });
    const steps = pickup ? PICKUP_STEPS : DELIVERY_STEPS;
    let from: FulfilmentStatus = "ROUTED";
    rows.fulfilmentEvents.push({
      id: `fev_${key}_0`,
      fulfilmentOrderId: fulfilmentId,
      toStatus: "ROUTED",
      createdAt: paidAt,
    });
    steps.forEach((to, i) => {
      rows.fulfilmentEvents.push({
        id: `fev_${key}_${i + 1}`,
        fulfilmentOrderId: fulfilmentId,
        fromStatus: from,
        toStatus: to,
        // The flagship's demo staff member handled its orders, so their history is not anonymous.
        actorUserId: plan.node.id === staffOfFlagship && i < 4 ? "usr_staff" : null,
        createdAt: stepTimes[i] ?? paidAt,
      });
      from = to;
    });
    rows.payments.push({
      id: `pay_${key}`,
      orderId: id,
      provider,
      kind: "CHARGE",
      status: "SUCCEEDED",
      amount: plan.total,
      providerRef: channelOrderId ? `channel_${id}` : `demo_${key}`,
      createdAt: paidAt,
    });
    // Booked by the same rules as a live order, at the rates in force from the beginning.
    const employer = employerOf?.(plan) ?? null;
    entriesForSale({
      total: plan.total,
      goodsPaid: plan.total,
      channel: { id: channelId(plan.channel), organizationId: channelOrganizationId(plan.channel) },
      storeFulfilments:
        plan.node.kind === "STORE"
          ? [{ nodeId: plan.node.id, organizationId: plan.node.organizationId, goods: plan.total }]
          : [],
      guide: null,
      employee: employer
        ? {
            listValue: plan.lines.reduce((sum, l) => sum + l.sku.listPrice * l.quantity, 0),
            employerOrganizationId: employer,
          }
        : null,
      rates: INITIAL_SETTLEMENT_RATES,
    }).forEach((entry, i) => {
      rows.settlementEntries.push({
        ...entry,
        id: `stl_${key}_${i + 1}`,
        orderId: id,
        paymentId: `pay_${key}`,
        createdAt: paidAt,
      });
    });
    if (channelOrderId)
      rows.channelOrderEvents.push(
        ...historyChannelEvents({
          orderId: id,
          channel: plan.channel,
          channelOrderId,
          fulfilmentOrderId: fulfilmentId,
          method: plan.method,
          courierName,
          trackingNo: pickup ? null : plan.trackingNo,
          placedAt,
          paidAt,
          handedOverAt,
          completedAt,
        }),
      );
  }
  // A connector reads events by id, which must follow the clock (the sort keeps an order's own
  // events in their sequence when two fall on the same instant).
  rows.channelOrderEvents.sort((a, b) => time(a.createdAt) - time(b.createdAt));
  return rows;
}

const time = (value: Date | string | undefined): number => new Date(value ?? 0).getTime();

/** When a history order was paid: two minutes after it was placed. */
export function historyPaidAt(
  plan: Pick<PlannedOrder, "daysAgo" | "minuteOfDay">,
  now: Date,
): Date {
  return new Date(shanghaiTime(now, plan.daysAgo, plan.minuteOfDay).getTime() + 2 * MINUTE_MS);
}

/** Members earn one point per whole yuan paid. */
export function pointsFor(total: number): number {
  return Math.floor(total / 100);
}

// Yesterday's express parcels may not have arrived by now: squeeze the timeline so the order
// still completes (in the past) rather than inventing a future.
function fitBefore(now: Date, start: Date, minutes: readonly number[]): Date[] {
  const latest = now.getTime() - 5 * MINUTE_MS;
  const last = minutes[minutes.length - 1] ?? 0;
  const room = latest - start.getTime();
  const scale = last * MINUTE_MS > room ? Math.max(0, room) / (last * MINUTE_MS) : 1;
  return minutes.map((m) => new Date(start.getTime() + m * MINUTE_MS * scale));
}
