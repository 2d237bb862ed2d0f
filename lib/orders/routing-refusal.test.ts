import { describe, expect, it } from "vitest";
import type { RoutingRefusal } from "@/lib/routing/route-order";
import { routingRefusalError } from "./routing-refusal";

const refusal = (code: RoutingRefusal["code"]): RoutingRefusal => ({
  ok: false,
  code,
  message: "No store near you delivers same-city.",
  messageParts: [],
  availability: [],
  alternatives: [],
  explanation: null,
});

describe("routing refusals as typed errors", () => {
  it.each([
    ["NO_NODE_CAN_FILL", "OUT_OF_STOCK"],
    ["SPLIT_LIMIT", "OUT_OF_STOCK"],
    ["OUTSIDE_DELIVERY_RADIUS", "UNDELIVERABLE"],
    ["PICKUP_NOT_AVAILABLE", "UNDELIVERABLE"],
    ["UNKNOWN_STORE", "NOT_FOUND"],
    ["INVALID_REQUEST", "INVALID_INPUT"],
  ] as const)("%s becomes %s and keeps the routing's words and reason", (code, expected) => {
    const error = routingRefusalError(refusal(code));
    expect(error.code).toBe(expected);
    expect(error.message).toBe("No store near you delivers same-city.");
    expect(error.details?.reason).toBe(code);
  });
});
