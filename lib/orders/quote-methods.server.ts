import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError, refusalOf, type Refusal } from "@/lib/errors/app-error";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import { shippingFeeFor } from "@/lib/pricing/shipping-fee";
import type { LatLng } from "@/lib/routing/distance";
import { rankPickupStores } from "@/lib/routing/rank-pickup-stores";
import { routeOrder } from "@/lib/routing/route-order";
import { sameCityVerdict, type SameCityVerdict } from "@/lib/routing/same-city";
import type { CandidateNode, Destination, RoutingRule } from "@/lib/routing/types";
import { z } from "zod";
import { loadSkuPrices } from "./order-context.server";
import { orderLinesSchema } from "./order-input";
import { promisedBy } from "./promise-time";
import { routingRefusalError } from "./routing-refusal";
import { loadOrderRouting, quoteWithLineKinds } from "./order-lines.server";

export type QuotedNode = { nodeId: string; code: string; name: string; nameZh: string };
export type PickupStoreQuote = QuotedNode & { distanceKm: number | null; hasEverything: boolean };

export type MethodQuote = {
  method: FulfilmentMethod;
  available: boolean;
  fee: number;
  promisedBy: Date | null;
  nodes: QuotedNode[];
  /** Why the method cannot serve: routing's code, and the refusal a page words for it. */
  reason?: { code: string; refusal: Refusal };
  pickupStores?: PickupStoreQuote[];
  /** Same-city delivery refused: outside every radius, at capacity, or what is missing. */
  sameCity?: { verdict: SameCityVerdict; stores: QuotedNode[] };
};

/** No store offers pickup at all, so routing was not asked. */
const NO_PICKUP_STORE: Refusal = {
  code: "UNDELIVERABLE",
  details: { reason: "PICKUP_NOT_AVAILABLE", messageParts: [], availability: [], alternatives: [] },
};

const quoteSchema = z.object({
  channelCode: z.string().trim().min(1).max(50),
  lines: orderLinesSchema,
  point: z
    .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
    .optional(),
  pickupNodeId: z.string().trim().min(1).max(200).optional(),
});

/**
 * What checkout can offer for these lines: for each method, whether routing can serve it at the
 * destination, from which node(s), the fee and the promised time — or the routing's reason why
 * not (same-city says which of "no store delivers here", "a store is at today's capacity" and
 * "what is missing" applies). Pickup also lists the pickup stores, nearest to the shopper's point
 * (else to the chosen store) first, marking those that have everything now as routing counts it.
 * Nothing is reserved: placeOrder routes again and reserves.
 */
export async function quoteMethods(
  db: Db,
  input: {
    channelCode: string;
    lines: { skuId: string; quantity: number }[];
    point?: { latitude: number; longitude: number };
    pickupNodeId?: string;
    now?: Date;
  },
): Promise<MethodQuote[]> {
  const parsed = parseInput(quoteSchema, {
    channelCode: input.channelCode,
    lines: input.lines,
    point: input.point,
    pickupNodeId: input.pickupNodeId,
  });
  const now = input.now ?? new Date();
  const channel = await db.channel.findUnique({ where: { code: parsed.channelCode } });
  if (!channel || !channel.active)
    throw new AppError("NOT_FOUND", `Unknown channel ${parsed.channelCode}.`, {
      details: { reason: "CHANNEL", channelCode: parsed.channelCode },
    });
  const skuIds = parsed.lines.map((l) => l.skuId);
  const prices = await loadSkuPrices(db, channel.id, skuIds);
  const subtotal = parsed.lines.reduce(
    (sum, l) => sum + (prices.get(l.skuId) ?? 0) * l.quantity,
    0,
  );
  const plan = await loadOrderRouting(db, {
    channelId: channel.id,
    lines: parsed.lines,
    now,
    strict: false,
  });
  const { candidates, rules } = plan;
  const nodes = await db.node.findMany({
    select: { id: true, code: true, name: true, nameZh: true },
  });
  const named = new Map(
    nodes.map((n) => [n.id, { nodeId: n.id, code: n.code, name: n.name, nameZh: n.nameZh }]),
  );
  const context: QuoteContext = { lines: plan.routed, candidates, rules, named, subtotal, now };

  const chosen = candidates.find((c) => c.id === parsed.pickupNodeId);
  const origin: LatLng | undefined = parsed.point
    ? { lat: parsed.point.latitude, lng: parsed.point.longitude }
    : chosen
      ? { lat: chosen.lat, lng: chosen.lng }
      : undefined;
  const pickupStores = listPickupStores(context, origin);
  const pickup = parsed.pickupNodeId
    ? quote(context, "PICKUP", { kind: "store", nodeId: parsed.pickupNodeId })
    : {
        method: "PICKUP" as const,
        available: pickupStores.length > 0,
        fee: shippingFeeFor("PICKUP", subtotal),
        promisedBy: null,
        nodes: [],
        ...(pickupStores.length === 0
          ? { reason: { code: "PICKUP_NOT_AVAILABLE", refusal: NO_PICKUP_STORE } }
          : {}),
      };
  const point: Destination | null = parsed.point
    ? { kind: "point", lat: parsed.point.latitude, lng: parsed.point.longitude }
    : null;
  const needAddress = (method: FulfilmentMethod): MethodQuote => ({
    method,
    available: false,
    fee: shippingFeeFor(method, subtotal),
    promisedBy: null,
    nodes: [],
    reason: {
      code: "ADDRESS_NEEDED",
      refusal: { code: "INVALID_INPUT", details: { reason: "ADDRESS_REQUIRED" } },
    },
  });
  const sameCity = point ? quote(context, "SAME_CITY", point) : needAddress("SAME_CITY");
  if (point && !sameCity.available) {
    const verdict = sameCityVerdict({ point, lines: context.lines, candidates, rules });
    const codes =
      verdict.kind === "OUTSIDE_EVERY_RADIUS"
        ? [verdict.nearest?.code]
        : verdict.kind === "AT_CAPACITY"
          ? verdict.stores.map((st) => st.code)
          : [];
    const stores = nodes.flatMap((n) =>
      codes.includes(n.code)
        ? [{ nodeId: n.id, code: n.code, name: n.name, nameZh: n.nameZh }]
        : [],
    );
    sameCity.sameCity = { verdict, stores };
  }
  return quoteWithLineKinds(
    db,
    [
      { ...pickup, pickupStores },
      sameCity,
      point ? quote(context, "EXPRESS", point) : needAddress("EXPRESS"),
    ],
    plan,
  );
}

type QuoteContext = {
  lines: { skuId: string; quantity: number }[];
  candidates: CandidateNode[];
  rules: RoutingRule[];
  named: Map<string, QuotedNode>;
  subtotal: number;
  now: Date;
};

function quote(
  context: QuoteContext,
  method: FulfilmentMethod,
  destination: Destination,
): MethodQuote {
  const routed = routeOrder(
    { lines: context.lines, method, destination },
    context.candidates,
    context.rules,
  );
  const fee = shippingFeeFor(method, context.subtotal);
  if (!routed.ok)
    return {
      method,
      available: false,
      fee,
      promisedBy: null,
      nodes: [],
      reason: { code: routed.code, refusal: refusalOf(routingRefusalError(routed)) },
    };
  const shippedIn = routed.assignments.some((a) => a.shipToNodeId);
  return {
    method,
    available: true,
    fee,
    promisedBy: promisedBy(method, context.now, { shippedIn }),
    nodes: routed.assignments.flatMap((a) => context.named.get(a.nodeId) ?? []),
  };
}

/** The pickup stores, nearest to `origin` first, with their names and "has everything now". */
function listPickupStores(context: QuoteContext, origin?: LatLng): PickupStoreQuote[] {
  return rankPickupStores({ ...context, origin }).map(({ node, distanceKm, hasEverything }) => ({
    ...(context.named.get(node.id) ?? {
      nodeId: node.id,
      code: node.code,
      name: node.name,
      nameZh: node.name,
    }),
    distanceKm,
    hasEverything,
  }));
}
