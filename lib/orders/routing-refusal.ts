import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import type { RoutingRefusal } from "@/lib/routing/route-order";
import type { RefusalCode } from "@/lib/routing/types";

const ERROR_OF_REFUSAL: Record<RefusalCode, ErrorCode> = {
  INVALID_REQUEST: "INVALID_INPUT",
  INVALID_RULES: "INTERNAL",
  UNKNOWN_STORE: "NOT_FOUND",
  PICKUP_NOT_AVAILABLE: "UNDELIVERABLE",
  OUTSIDE_DELIVERY_RADIUS: "UNDELIVERABLE",
  NO_NODE_CAN_FILL: "OUT_OF_STOCK",
  SPLIT_LIMIT: "OUT_OF_STOCK",
};

/**
 * A routing refusal as the typed error checkout shows: the routing's own sentence, what is
 * available where, and what the shopper could choose instead (another method, a nearby store).
 */
export function routingRefusalError(refusal: RoutingRefusal): AppError {
  return new AppError(ERROR_OF_REFUSAL[refusal.code], refusal.message, {
    details: {
      routingCode: refusal.code,
      messageParts: refusal.messageParts,
      availability: refusal.availability,
      alternatives: refusal.alternatives,
    },
  });
}
