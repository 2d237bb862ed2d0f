import type { ActionSpec } from "./action-table";
import { bool, id, int } from "./input-shapes";

/** The fuzz entries of lib/channel-orders/actions.ts (how a channel's orders are taken). */
export const CHANNEL_ORDER_ACTIONS: Record<string, ActionSpec> = {
  "channel-orders/setChannelIntakeSettingsAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        channelCode: id("channelCodes"),
        acceptsPartialOrders: bool,
        unpaidHoldMinutes: int(5, 1_440),
        version: int(1, 1_000),
      },
    ],
  },
};
