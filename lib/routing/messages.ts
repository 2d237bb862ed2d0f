import { renderTemplate } from "./render-template";
import type { MessageParam, MessagePart } from "./types";

/**
 * English wording of every routing message, by key. The UI keeps the same keys under
 * `routing.*` in its message catalogues (zh-CN included) and renders stored `MessagePart`s itself.
 */
export const ROUTING_MESSAGES_EN = {
  "routing.method.PICKUP": "store pickup",
  "routing.method.SAME_CITY": "same-city delivery",
  "routing.method.EXPRESS": "express",
  // Why a node is out.
  "routing.excluded.rejected": "rejected this order earlier",
  "routing.excluded.noExpress": "does not ship express",
  "routing.excluded.noSameCity": "does not offer same-city delivery",
  "routing.excluded.outsideRadius":
    "{distanceKm} km away, outside its {radiusKm} km delivery radius",
  "routing.excluded.noPickup": "does not offer pickup",
  "routing.excluded.isPickupStore": "is the pickup store itself",
  "routing.filter.capacity": "at its daily limit ({used} of {capacity} shipments today)",
  "routing.filter.nodeType": "{type} nodes are not used for {method} orders",
  "routing.filter.tooFar": "{distanceKm} km away, beyond the {maxKm} km limit",
  "routing.filter.tooCostly": "shipping costs {cost}, above the {maxCost} limit",
  "routing.filter.noSellable": "has none of these items beyond its display stock",
  // Why a node scores what it scores.
  "routing.score.nearest": "{distanceKm} km away",
  "routing.score.nearestBest": "{distanceKm} km away, the nearest",
  "routing.score.cost": "ships for {cost}",
  "routing.score.costBest": "ships for {cost}, the cheapest",
  "routing.score.depth": "{units} of these items to spare",
  "routing.score.coverage": "has {covered} of {items, plural, one {# item} other {# items}}",
  "routing.score.coverageAll": "has {items, plural, one {the # item} other {all # items}}",
  "routing.score.planCoverage": "{parcels} parcels",
  "routing.score.capacity": "{used} of {capacity} shipments used today",
  "routing.score.typePreferred": "{type} is a preferred node type",
  "routing.score.typeOther": "{type} is not a preferred node type",
  // What the winner is best at, and how a runner-up compares.
  "routing.strength.NEAREST": "is the nearest",
  "routing.strength.LOWEST_COST": "is the cheapest to ship from",
  "routing.strength.STOCK_DEPTH": "has the deepest stock",
  "routing.strength.CAPACITY": "has the most room left today",
  "routing.strength.NODE_TYPES": "is a preferred node type",
  "routing.strength.FEWEST_SPLITS": "ships everything in one parcel",
  "routing.strength.overall": "scores best on the rules taken together",
  "routing.advantage.NEAREST": "was nearer ({distanceKm} km)",
  "routing.advantage.LOWEST_COST": "was {percent} % cheaper",
  "routing.advantage.STOCK_DEPTH":
    "had deeper stock ({units, plural, one {# item} other {# items}} to spare)",
  "routing.advantage.CAPACITY": "had more room today ({used} of {capacity} shipments used)",
  "routing.advantage.NODE_TYPES": "is a preferred node type",
  "routing.advantage.FEWEST_SPLITS": "needed fewer parcels ({parcels})",
  "routing.drawback.NEAREST": "{distanceKm} km away",
  "routing.drawback.LOWEST_COST": "{percent} % dearer to ship",
  "routing.drawback.STOCK_DEPTH": "has only {units, plural, one {# item} other {# items}} to spare",
  "routing.drawback.CAPACITY": "busier today ({used} of {capacity} shipments used)",
  "routing.drawback.NODE_TYPES": "not a preferred node type",
  "routing.drawback.FEWEST_SPLITS": "needs {parcels} parcels",
  "routing.drawback.overall": "scored lower on the rules taken together",
  // Summaries.
  "routing.summary.single":
    "{winner} ({distanceKm} km away) has {units, plural, one {the # item} other {all # items}} and {strength}.",
  "routing.summary.onlyOption":
    "{winner} ({distanceKm} km away) is the only node that has {units, plural, one {the # item} other {all # items}}.",
  "routing.summary.runnerUp": "{runnerUp} {advantage} but {drawback}.",
  "routing.summary.split":
    "No single node has all {units} items, so the order ships in {parcels} parcels.",
  "routing.summary.parcel":
    "{node} ({distanceKm} km away) sends {units, plural, one {# item} other {# items}}.",
  "routing.summary.planCost": "Shipping costs {cost} in total.",
  "routing.summary.pickupAll":
    "{store} has {units, plural, one {the # item} other {all # items}} ready for pickup.",
  "routing.summary.pickupPartial":
    "{store} has {have} of {units} items; the rest is shipped to the store.",
  "routing.summary.pickupNone":
    "{store} has none of the {units, plural, one {# item; it is} other {# items; they are}} shipped to the store.",
  "routing.summary.shipToStore":
    "{node} ({distanceKm} km away) ships {units, plural, one {# item} other {# items}} to {store}.",
  // Refusals and what to offer instead.
  "routing.refusal.invalidRequest": "The order cannot be routed: {problem}.",
  "routing.refusal.invalidRules": "The routing rules are not valid: {problem}.",
  "routing.refusal.unknownStore": "The store {nodeId} is not among the nodes routing may use.",
  "routing.refusal.pickupNotAvailable": "{store} cannot take pickup orders now: {reason}.",
  "routing.refusal.outsideRadius":
    "The address is outside every store's same-city delivery radius; the nearest same-city store, {store}, delivers within {radiusKm} km and is {distanceKm} km away.",
  "routing.refusal.noSameCityStore": "No store offers same-city delivery for this order.",
  "routing.refusal.noNodeCanFill": "No node can fill this order by {method}.",
  "routing.refusal.skuShort": "{skuId}: {requested} wanted, {available} available ({where}).",
  "routing.refusal.splitLimit":
    "The order would need {parcels} parcels, more than the {maxParcels} the rules allow.",
  "routing.alternative.method": "Ship by {method} from {nodes} for {cost}.",
  "routing.alternative.pickupStore":
    "Pick up at {store}, {distanceKm} km away, which has everything.",
} as const;

/** Every routing message key. */
export type RoutingMessageKey = keyof typeof ROUTING_MESSAGES_EN;

/** Builds a message part; the key is checked against the catalogue at compile time. */
export function message(
  key: RoutingMessageKey,
  params: Record<string, MessageParam> = {},
): MessagePart {
  return { key, params };
}

/** Renders a message part in English (placeholders and ICU plurals), nested parts first. */
export function renderMessage(part: MessagePart): string {
  const template: string = (ROUTING_MESSAGES_EN as Record<string, string>)[part.key] ?? part.key;
  return renderTemplate(template, part.params, renderMessage);
}

/** Renders sentences and joins them with spaces. */
export function renderSentences(parts: readonly MessagePart[]): string {
  return parts.map(renderMessage).join(" ");
}
