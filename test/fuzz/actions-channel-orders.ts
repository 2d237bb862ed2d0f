import type { ActionSpec } from "./action-table";
import { bool, id, int } from "./input-shapes";

/** The fuzz entries of lib/channel-orders/actions.ts (a channel's partial acceptance). */
export const CHANNEL_ORDER_ACTIONS: Record<string, ActionSpec> = {
  "channel-orders/setChannelPartialOrdersAction": {
    callers: ["ADMIN"],
    shapes: [
      { channelCode: id("channelCodes"), acceptsPartialOrders: bool, version: int(1, 1_000) },
    ],
  },
};
