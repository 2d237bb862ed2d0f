import type { Prisma } from "@/lib/generated/prisma/client";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { ChannelOrderEventKind } from "@/lib/order-events/channel-order-event-kinds";
import { channelId, type ChannelCode } from "./channels";
import { createRandom } from "./random";

/** The channels whose orders arrive from a marketplace, through its connector. */
export const MARKETPLACE_CHANNELS: readonly ChannelCode[] = ["TMALL", "JD", "DOUYIN"];

/** Whether the channel's orders come from a marketplace (with the marketplace's order id). */
export function isMarketplace(channel: ChannelCode): boolean {
  return MARKETPLACE_CHANNELS.includes(channel);
}

const digits = (value: number, width: number) => String(value).padStart(width, "0");

/**
 * Draws marketplace order ids in each marketplace's own style, unique per channel: Tmall's
 * 19-digit ids, JD's 12-digit ids, Douyin's 19-digit ids starting with 69. The stream is its own,
 * so drawing ids does not reshuffle the rest of the history.
 */
export function channelOrderIdDrawer(): (channel: ChannelCode) => string {
  const random = createRandom("channel-order-ids");
  const used = new Set<string>();
  const draw = (channel: ChannelCode): string => {
    switch (channel) {
      case "TMALL":
        return `${random.int(200_000_000, 399_999_999)}${digits(random.int(0, 9_999_999_999), 10)}`;
      case "JD":
        return String(random.int(200_000_000_000, 329_999_999_999));
      case "DOUYIN":
        return `69${digits(random.int(0, 999_999_999), 9)}${digits(random.int(0, 99_999_999), 8)}`;
      default:
        throw new Error(`${channel} is not a marketplace`);
    }
  };
  return (channel) => {
    for (;;) {
      const id = draw(channel);
      if (used.has(`${channel}:${id}`)) continue;
      used.add(`${channel}:${id}`);
      return id;
    }
  };
}

/**
 * What the marketplace heard about one completed history order, as the live writers publish it
 * (lib/order-events): taken, paid, then shipped with courier and tracking and delivered, or ready
 * for pickup and picked up; with the same dedupe keys, so a writer replaying a step adds nothing.
 */
export function historyChannelEvents(order: {
  orderId: string;
  channel: ChannelCode;
  channelOrderId: string;
  fulfilmentOrderId: string;
  method: FulfilmentMethod;
  courierName: string | null;
  trackingNo: string | null;
  placedAt: Date;
  paidAt: Date;
  handedOverAt: Date;
  completedAt: Date;
}): Prisma.ChannelOrderEventCreateManyInput[] {
  const event = (
    kind: ChannelOrderEventKind,
    dedupeKey: string,
    createdAt: Date,
    extra: Partial<Prisma.ChannelOrderEventCreateManyInput> = {},
  ): Prisma.ChannelOrderEventCreateManyInput => ({
    channelId: channelId(order.channel),
    orderId: order.orderId,
    channelOrderId: order.channelOrderId,
    kind,
    dedupeKey,
    createdAt,
    ...extra,
  });
  const fo = order.fulfilmentOrderId;
  const steps =
    order.method === "PICKUP"
      ? [
          event("READY_FOR_PICKUP", `READY_FOR_PICKUP:${fo}`, order.handedOverAt, {
            fulfilmentOrderId: fo,
          }),
          event("PICKED_UP", `PICKED_UP:${fo}`, order.completedAt, { fulfilmentOrderId: fo }),
        ]
      : [
          event("SHIPPED", `SHIPPED:${fo}`, order.handedOverAt, {
            fulfilmentOrderId: fo,
            courierName: order.courierName,
            trackingNo: order.trackingNo,
          }),
          event("DELIVERED", `DELIVERED:${fo}`, order.completedAt, { fulfilmentOrderId: fo }),
        ];
  return [
    event("ACCEPTED", `ACCEPTED:${order.orderId}`, order.placedAt),
    event("PAID", `PAID:${order.orderId}`, order.paidAt),
    ...steps,
  ];
}
