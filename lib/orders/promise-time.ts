import { addDays, addHours } from "date-fns";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";

/**
 * What checkout promises, by method: a store has picked stock ready within 2 hours; same-city
 * couriers deliver within 3 hours; an express parcel (also one shipped to a pickup store) within 2
 * days. Deliberately conservative service levels, shown to the shopper and stored on the order.
 */
export const SERVICE_LEVEL = {
  pickupReadyHours: 2,
  sameCityHours: 3,
  expressDays: 2,
} as const;

export function promisedBy(
  method: FulfilmentMethod,
  now: Date,
  options: { shippedIn: boolean } = { shippedIn: false },
): Date {
  if (method === "SAME_CITY") return addHours(now, SERVICE_LEVEL.sameCityHours);
  if (method === "PICKUP" && !options.shippedIn)
    return addHours(now, SERVICE_LEVEL.pickupReadyHours);
  return addDays(now, SERVICE_LEVEL.expressDays);
}
