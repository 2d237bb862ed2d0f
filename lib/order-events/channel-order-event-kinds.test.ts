import { describe, expect, it } from "vitest";
import { channelEventOfFulfilment } from "./channel-order-event-kinds";

describe("channelEventOfFulfilment", () => {
  const own = { shipToNodeId: null };
  it.each([
    ["ROUTED", null],
    ["ACCEPTED", null],
    ["PICKED", null],
    ["PACKED", null],
    ["REJECTED", null],
    ["READY_FOR_PICKUP", "READY_FOR_PICKUP"],
    ["PICKED_UP", "PICKED_UP"],
    ["HANDED_TO_COURIER", "SHIPPED"],
    ["DELIVERED", "DELIVERED"],
    ["CANCELLED", "CANCELLED"],
  ])("a fulfilment order moving to %s tells the channel %s", (to, kind) => {
    expect(channelEventOfFulfilment(to, own)).toBe(kind);
  });

  it("keeps a parcel shipped in to the pickup store from the channel", () => {
    expect(channelEventOfFulfilment("HANDED_TO_COURIER", { shipToNodeId: "store" })).toBeNull();
    expect(channelEventOfFulfilment("DELIVERED", { shipToNodeId: "store" })).toBeNull();
  });
});
