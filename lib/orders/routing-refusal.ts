import { AppError } from "@/lib/errors/app-error";
import type { RoutingRefusal } from "@/lib/routing/route-order";
import type { RefusalCode } from "@/lib/routing/types";

/**
 * A routing refusal as the typed error checkout shows: the routing's own sentence, what is
 * available where, and what the shopper could choose instead (another method, a nearby store).
 */
export function routingRefusalError(refusal: RoutingRefusal): AppError {
  const facts = {
    messageParts: refusal.messageParts,
    availability: refusal.availability,
    alternatives: refusal.alternatives,
  };
  const reason: RefusalCode = refusal.code;
  // One case per routing reason, so that each error's code and reason are checked together.
  switch (reason) {
    case "INVALID_REQUEST":
      return new AppError("INVALID_INPUT", refusal.message, { details: { reason, ...facts } });
    case "INVALID_RULES":
      return new AppError("INTERNAL", refusal.message, { details: { reason, ...facts } });
    case "UNKNOWN_STORE":
      return new AppError("NOT_FOUND", refusal.message, { details: { reason, ...facts } });
    case "PICKUP_NOT_AVAILABLE":
    case "OUTSIDE_DELIVERY_RADIUS":
      return new AppError("UNDELIVERABLE", refusal.message, { details: { reason, ...facts } });
    case "NO_NODE_CAN_FILL":
    case "SPLIT_LIMIT":
      return new AppError("OUT_OF_STOCK", refusal.message, { details: { reason, ...facts } });
  }
}
