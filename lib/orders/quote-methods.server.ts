import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { getDistance } from "geolib";
import { AppError, refusalOf, type Refusal } from "@/lib/errors/app-error";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import { shippingFeeFor } from "@/lib/pricing/shipping-fee";
import { routeOrder } from "@/lib/routing/route-order";
import type { CandidateNode, Destination, RoutingRule } from "@/lib/routing/types";
import { z } from "zod";
import { loadSkuPrices } from "./order-context.server";
import { orderLinesSchema } from "./order-input";
import { promisedBy } from "./promise-time";
import { routingRefusalError } from "./routing-refusal";
import { loadRoutingInputs } from "./routing-inputs.server";

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
 * not. Pickup also lists the pickup stores, nearest first, marking those that have everything
 * now. Nothing is reserved: placeOrder routes again and reserves.
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
  const { candidates, rules } = await loadRoutingInputs(db, {
    channelId: channel.id,
    skuIds,
    now,
  });
  const nodes = await db.node.findMany({
    select: { id: true, code: true, name: true, nameZh: true },
  });
  const named = new Map(
    nodes.map((n) => [n.id, { nodeId: n.id, code: n.code, name: n.name, nameZh: n.nameZh }]),
  );
  const context: QuoteContext = { lines: parsed.lines, candidates, rules, named, subtotal, now };

  const pickupStores = listPickupStores(context, parsed.point);
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
  return [
    { ...pickup, pickupStores },
    point ? quote(context, "SAME_CITY", point) : needAddress("SAME_CITY"),
    point ? quote(context, "EXPRESS", point) : needAddress("EXPRESS"),
  ];
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

/** Pickup stores, those holding every line first, then nearest to the shopper when known. */
function listPickupStores(
  context: QuoteContext,
  point?: { latitude: number; longitude: number },
): PickupStoreQuote[] {
  return context.candidates
    .filter((c) => c.offersPickup)
    .map((c) => {
      const hasEverything = context.lines.every(
        (l) =>
          (c.stock[l.skuId]?.available ?? 0) - (c.stock[l.skuId]?.displayMin ?? 0) >= l.quantity,
      );
      const distanceKm = point
        ? Math.round(
            getDistance(
              { latitude: point.latitude, longitude: point.longitude },
              { latitude: c.lat, longitude: c.lng },
            ) / 100,
          ) / 10
        : null;
      const name = context.named.get(c.id) ?? {
        nodeId: c.id,
        code: c.code,
        name: c.name,
        nameZh: c.name,
      };
      return { ...name, distanceKm, hasEverything };
    })
    .sort(
      (a, b) =>
        Number(b.hasEverything) - Number(a.hasEverything) ||
        (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
        a.code.localeCompare(b.code),
    );
}
