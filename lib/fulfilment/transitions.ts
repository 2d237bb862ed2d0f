import type { FulfilmentMethod, FulfilmentStatus } from "@/lib/generated/prisma/enums";

/**
 * Which path a fulfilment order walks (SPEC §2): the pickup store's own part ends with the
 * customer collecting it; a delivery (same-city, express) or a parcel shipped in to the pickup
 * store ends with a courier handing it over.
 */
export type FulfilmentPath = "PICKUP" | "DELIVERY";

/** Terminal states: nothing follows them. */
export const TERMINAL_STATUSES = [
  "PICKED_UP",
  "DELIVERED",
  "REJECTED",
  "CANCELLED",
] as const satisfies readonly FulfilmentStatus[];

/** Terminal states in which the goods reached their destination. */
export const COMPLETED_STATUSES = [
  "PICKED_UP",
  "DELIVERED",
] as const satisfies readonly FulfilmentStatus[];

const FORWARD: Record<FulfilmentPath, readonly FulfilmentStatus[]> = {
  PICKUP: ["ROUTED", "ACCEPTED", "PICKED", "PACKED", "READY_FOR_PICKUP", "PICKED_UP"],
  DELIVERY: ["ROUTED", "ACCEPTED", "PICKED", "PACKED", "HANDED_TO_COURIER", "DELIVERED"],
};

/** A store may reject only before it has started picking. */
const REJECTABLE_FROM: readonly FulfilmentStatus[] = ["ROUTED", "ACCEPTED"];

/** The path of a fulfilment order: a parcel (ship-to-store) is delivered like any shipment. */
export function pathOf(fo: {
  method: FulfilmentMethod;
  shipToNodeId: string | null;
}): FulfilmentPath {
  if (fo.shipToNodeId !== null) return "DELIVERY";
  return fo.method === "PICKUP" ? "PICKUP" : "DELIVERY";
}

export function isTerminal(status: FulfilmentStatus): boolean {
  return (TERMINAL_STATUSES as readonly FulfilmentStatus[]).includes(status);
}

/** Every state reachable in one step from `from` on `path`. */
export function nextStatuses(path: FulfilmentPath, from: FulfilmentStatus): FulfilmentStatus[] {
  const steps = FORWARD[path];
  const at = steps.indexOf(from);
  // A state of the other path (e.g. READY_FOR_PICKUP on a delivery) cannot occur: refuse all.
  if (isTerminal(from) || at < 0) return [];
  const next: FulfilmentStatus[] = at + 1 < steps.length ? [steps[at + 1]!] : [];
  if (REJECTABLE_FROM.includes(from)) next.push("REJECTED");
  next.push("CANCELLED");
  return next;
}

/** True when `from → to` is a legal step on `path`. */
export function canTransition(
  path: FulfilmentPath,
  from: FulfilmentStatus,
  to: FulfilmentStatus,
): boolean {
  return nextStatuses(path, from).includes(to);
}

/** The forward step after `from` (what the console's main button does), or null. */
export function forwardStep(path: FulfilmentPath, from: FulfilmentStatus): FulfilmentStatus | null {
  return nextStatuses(path, from).find((s) => s !== "REJECTED" && s !== "CANCELLED") ?? null;
}

/**
 * An order is complete when every fulfilment order is terminal and at least one of them got its
 * goods to the customer (a fully rejected or cancelled order is not "completed").
 */
export function isOrderComplete(statuses: readonly FulfilmentStatus[]): boolean {
  return (
    statuses.length > 0 &&
    statuses.every(isTerminal) &&
    statuses.some((s) => (COMPLETED_STATUSES as readonly FulfilmentStatus[]).includes(s))
  );
}
