import "server-only";
import { AppError, refusalOf } from "@/lib/errors/app-error";
import type { ItemNaming } from "@/lib/errors/error-details";
import type { FulfilmentMethod } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/transaction.server";
import type { RoutingLine } from "@/lib/routing/types";
import {
  bundleShortfall,
  splitPresale,
  stockSkuIds,
  withBundleStock,
  type LineKinds,
} from "./order-lines";
import { loadRoutingInputs, type RoutingInputs } from "./routing-inputs.server";

/** Routing inputs for an order's lines, with bundles as whole bundles per node. */
export type OrderRouting = RoutingInputs & {
  kinds: LineKinds;
  /** Lines routed to nodes with stock (bundles included). */
  routed: RoutingLine[];
  /** Presale lines: counted against the presale cap, allocated when inbound arrives. */
  presale: RoutingLine[];
  /** With `strict: false`: why the lines cannot be ordered at all (a bundle component short). */
  problem: AppError | null;
};

/** What a checkout method quote needs to say here (see quote-methods.server.ts). */
type Quote = {
  method: FulfilmentMethod;
  available: boolean;
  promisedBy: Date | null;
  nodes: unknown[];
  reason?: { code: string; refusal: ReturnType<typeof refusalOf> };
  /** Same-city's own account of why not; dropped when the reason is the lines themselves. */
  sameCity?: unknown;
};

/** What a SKU row must hold to tell its kind (lineKindsOf). */
export const LINE_KIND_FIELDS = {
  id: true,
  isBundle: true,
  presaleEnabled: true,
  bundleComponents: { select: { componentSkuId: true, quantity: true } },
} as const;

/** Which of these SKU rows are bundles (with their components) and which are on presale. */
export function lineKindsOf(
  skus: readonly {
    id: string;
    isBundle: boolean;
    presaleEnabled: boolean;
    bundleComponents: { componentSkuId: string; quantity: number }[];
  }[],
): LineKinds {
  return {
    bundles: new Map(skus.filter((s) => s.isBundle).map((s) => [s.id, s.bundleComponents])),
    presale: new Set(skus.filter((s) => s.presaleEnabled && !s.isBundle).map((s) => s.id)),
  };
}

/** Which of these SKUs are bundles (with their components) and which are on presale. */
export async function loadLineKinds(db: Db, skuIds: readonly string[]): Promise<LineKinds> {
  return lineKindsOf(
    await db.sku.findMany({ where: { id: { in: [...skuIds] } }, select: LINE_KIND_FIELDS }),
  );
}

/**
 * What routing decides an order on: presale lines are set apart (they wait for inbound supply),
 * bundles are offered at the nodes that hold all their components. Refuses, before anything is
 * written, a presale line with a method other than express and a bundle whose component the
 * channel has too little of anywhere (naming the component); `strict: false` (quotes) returns
 * the bundle refusal as `problem` instead of throwing.
 */
export async function loadOrderRouting(
  db: Db,
  input: {
    channelId: string;
    lines: readonly RoutingLine[];
    method?: FulfilmentMethod;
    now: Date;
    strict?: boolean;
    /** The lines' kinds when the caller has read them already (loadLineKinds). */
    kinds?: LineKinds;
  },
): Promise<OrderRouting> {
  const kinds =
    input.kinds ??
    (await loadLineKinds(
      db,
      input.lines.map((l) => l.skuId),
    ));
  const { routed, presale } = splitPresale(input.lines, kinds);
  const first = presale[0];
  if (first && input.method && input.method !== "EXPRESS")
    throw await presaleExpressOnly(db, first.skuId, input.method);
  const inputs = await loadRoutingInputs(db, {
    channelId: input.channelId,
    // Presale lines only: the nodes are still listed (the presale SKU has no stock to route).
    skuIds: routed.length > 0 ? stockSkuIds(routed, kinds) : input.lines.map((l) => l.skuId),
    now: input.now,
  });
  const short = bundleShortfall(routed, kinds, inputs.candidates);
  const problem = short ? await bundleComponentShortfall(db, short) : null;
  if (problem && input.strict !== false) throw problem;
  return {
    problem,
    ...inputs,
    candidates: withBundleStock(inputs.candidates, kinds.bundles),
    kinds,
    routed,
    presale,
  };
}

async function naming(db: Db, skuId: string): Promise<ItemNaming> {
  const sku = await db.sku.findUniqueOrThrow({
    where: { id: skuId },
    select: {
      color: true,
      colorZh: true,
      size: true,
      product: { select: { name: true, nameZh: true } },
    },
  });
  return {
    product: sku.product.name,
    productZh: sku.product.nameZh,
    colour: sku.color,
    colourZh: sku.colorZh,
    size: sku.size,
  };
}

/** A presale SKU ships from inbound supply by express only (SPEC §2 Presale). */
export async function presaleExpressOnly(
  db: Db,
  skuId: string,
  method: FulfilmentMethod,
): Promise<AppError> {
  const item = await naming(db, skuId);
  return new AppError(
    "UNDELIVERABLE",
    `${item.product} (${item.colour}, ${item.size}) is on presale and ships by express only.`,
    { details: { reason: "PRESALE_EXPRESS_ONLY", skuId, method, ...item } },
  );
}

async function bundleComponentShortfall(
  db: Db,
  short: { bundleSkuId: string; componentSkuId: string; requested: number; available: number },
): Promise<AppError> {
  const [item, bundle] = await Promise.all([
    naming(db, short.componentSkuId),
    naming(db, short.bundleSkuId),
  ]);
  return new AppError(
    "OUT_OF_STOCK",
    `${item.product} (${item.colour}, ${item.size}) in ${bundle.product} is out of stock: ${short.available} of ${short.requested}.`,
    {
      details: {
        reason: "BUNDLE_COMPONENT",
        skuId: short.bundleSkuId,
        componentSkuId: short.componentSkuId,
        requested: short.requested,
        available: short.available,
        bundle: bundle.product,
        bundleZh: bundle.productZh,
        ...item,
      },
    },
  );
}

/**
 * Method quotes corrected for bundles and presale: a bundle whose component is short makes every
 * method unavailable with the refusal naming the component; a presale line allows express only
 * (pickup and same-city say why), and express needs no stock now when every line is presale.
 */
export async function quoteWithLineKinds<Q extends Quote>(
  db: Db,
  quotes: Q[],
  plan: OrderRouting,
): Promise<Q[]> {
  const unavailable = (q: Q, reason: NonNullable<Quote["reason"]>): Q => ({
    ...q,
    available: false,
    promisedBy: null,
    nodes: [],
    reason,
    sameCity: undefined,
  });
  const { problem } = plan;
  if (problem)
    return quotes.map((q) =>
      unavailable(q, { code: "BUNDLE_COMPONENT", refusal: refusalOf(problem) }),
    );
  const first = plan.presale[0];
  if (!first) return quotes;
  return Promise.all(
    quotes.map(async (q): Promise<Q> => {
      if (q.method !== "EXPRESS") {
        const refusal = refusalOf(await presaleExpressOnly(db, first.skuId, q.method));
        return unavailable(q, { code: "PRESALE_EXPRESS_ONLY", refusal });
      }
      if (plan.routed.length > 0 || q.reason?.code === "ADDRESS_NEEDED") return q;
      return { ...q, available: true, promisedBy: null, nodes: [], reason: undefined };
    }),
  );
}
