/** What a marketplace is told about its order, in the order it happens. */
export const CHANNEL_ORDER_EVENT_KINDS = [
  "ACCEPTED",
  "PAID",
  "READY_FOR_PICKUP",
  "PICKED_UP",
  "SHIPPED",
  "DELIVERED",
  "CANCELLED",
  "REFUNDED",
] as const;
export type ChannelOrderEventKind = (typeof CHANNEL_ORDER_EVENT_KINDS)[number];

/**
 * The event a fulfilment order's new status means to the channel, or null for the stores' own
 * steps (accepted by the store, picked, packed, rejected and routed again). A parcel shipped in
 * to the pickup store is no news to the customer: only the pickup store's steps are.
 */
export function channelEventOfFulfilment(
  to: string,
  fo: { shipToNodeId: string | null },
): ChannelOrderEventKind | null {
  if (fo.shipToNodeId !== null) return null;
  switch (to) {
    case "READY_FOR_PICKUP":
    case "PICKED_UP":
    case "DELIVERED":
    case "CANCELLED":
      return to;
    case "HANDED_TO_COURIER":
      return "SHIPPED";
    default:
      return null;
  }
}
