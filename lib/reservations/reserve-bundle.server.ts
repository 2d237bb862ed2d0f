import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { atsOf } from "@/lib/allocation/channel-ats";
import {
  loadAllocationConfig,
  loadSkuRecords,
  loadSkuSnapshots,
} from "@/lib/allocation/load-sku-snapshots.server";
import { allocateSnapshot, type SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { bundleAvailable, expandBundle } from "@/lib/inventory/bundles";
import {
  inLockOrder,
  lockSkus,
  reservationDocument,
  reserveAtNode,
  writeMovements,
  type StockDelta,
} from "@/lib/inventory/stock-writes.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { chooseBundleNodes, eligibleOptions } from "./choose-node";
import { nodeOptions } from "./reserve-decision";
import {
  idempotencyConflict,
  outOfStock,
  requireChannel,
  requireNodes,
} from "./reserve-checks.server";
import { summarise, type ReservationSummary, type StockChange } from "./reservation-summary";
import { holdExpiresAt, holdTtlSeconds, reserveInputSchema, type ReserveInput } from "./rules";

export type ReserveBundleOptions = ReserveInput & {
  now?: Date;
  pickupHoldMinutes?: number;
};

export type ReserveBundleResult = StockChange & {
  /** Shared by the component reservations; release, confirm and consume take it. */
  groupId: string;
  reservations: ReservationSummary[];
  replayed: boolean;
};

/**
 * Reserves `quantity` bundles: every component's units, all or nothing, in one transaction.
 * The component SKUs are locked in id order and their stock rows updated in (node, SKU) order,
 * so two bundles sharing a component serialise on it and cannot deadlock; each component must
 * fit in the channel's ATS for that component, and any failed compare-and-set rolls back all.
 */
export async function reserveBundle(
  db: Db,
  options: ReserveBundleOptions,
): Promise<ReserveBundleResult> {
  const { now = new Date(), pickupHoldMinutes = env.PICKUP_HOLD_MINUTES, ...raw } = options;
  const input = parseInput(reserveInputSchema, raw);
  const ttlSeconds = holdTtlSeconds(input.kind, input.ttlSeconds, pickupHoldMinutes);
  try {
    return await withTransaction(db, (tx) => reserveInTransaction(tx, input, ttlSeconds, now));
  } catch (error) {
    if (input.idempotencyKey && isUniqueViolation(error))
      throw idempotencyConflict(input.idempotencyKey);
    throw error;
  }
}

async function reserveInTransaction(
  tx: Tx,
  input: ReserveInput,
  ttlSeconds: number | null,
  now: Date,
): Promise<ReserveBundleResult> {
  const bundle = (await loadSkuRecords(tx, [input.skuId])).get(input.skuId);
  if (!bundle) {
    throw new AppError("NOT_FOUND", "Unknown SKU.", {
      details: { reason: "SKU", skuId: input.skuId },
    });
  }
  if (!bundle.isBundle || bundle.components.length === 0) {
    throw new AppError("INVALID_INPUT", "This SKU is not a bundle.", {
      fieldErrors: { skuId: [{ problem: "INVALID" }] },
      details: { reason: "NOT_BUNDLE" },
    });
  }
  await requireChannel(tx, input.channelId);
  await requireNodes(tx, input.nodeId, input.candidateNodeIds);
  const config = await loadAllocationConfig(tx);
  const needs = expandBundle(bundle.components, input.quantity);
  const componentIds = needs.map((n) => n.skuId);
  const components = [...(await loadSkuRecords(tx, componentIds)).values()];

  const keyOf = (skuId: string) =>
    input.idempotencyKey ? `${input.idempotencyKey}#${skuId}` : null;
  const keys = needs.map((n) => keyOf(n.skuId) ?? "");
  const facts = { skuId: bundle.id, channelId: input.channelId, requested: input.quantity };

  /** The (node, SKU) units to promise, in lock order, or the refusal with what is available. */
  const decide = async (): Promise<StockDelta[]> => {
    const snapshots = await loadSkuSnapshots(tx, config, components);
    const snapshotOf = (skuId: string): SkuSnapshot => {
      const s = snapshots.get(skuId);
      if (!s) throw new Error(`no snapshot for ${skuId}`);
      return s;
    };
    const atsBySku = new Map(
      needs.map((n) => [n.skuId, atsOf(allocateSnapshot(snapshotOf(n.skuId)), input.channelId)]),
    );
    if (needs.some((n) => (atsBySku.get(n.skuId) ?? 0) < n.quantity)) {
      const available = bundleAvailable(bundle.components, (id) => atsBySku.get(id) ?? 0);
      throw outOfStock({ ...facts, reason: "CHANNEL", available });
    }
    const optionsOf = (skuId: string) =>
      eligibleOptions(nodeOptions(snapshotOf(skuId).levels), input.nodeId, input.candidateNodeIds);
    const plan = chooseBundleNodes(needs.map((n) => ({ ...n, options: optionsOf(n.skuId) })));
    if (!plan) {
      // Each component must come whole from one node: what the deepest nodes allow.
      const available = bundleAvailable(bundle.components, (id) =>
        Math.min(atsBySku.get(id) ?? 0, Math.max(0, ...optionsOf(id).map((o) => o.available))),
      );
      throw outOfStock({ ...facts, reason: "STOCK", available });
    }
    return inLockOrder(needs.map((n) => ({ ...n, nodeId: plan.get(n.skuId) ?? "" })));
  };

  // As in reserveStock: a hopeless request is refused from a committed snapshot without queueing.
  if (!(await findReplay(tx, input, keys))) await decide();
  await lockSkus(tx, componentIds);
  const replay = await findReplay(tx, input, keys);
  if (replay) return { ...replay, replayed: true, affectedSkuIds: [] };
  const deltas = await decide();
  for (const delta of deltas) {
    // A failure here rolls back the components already promised in this transaction.
    if (!(await reserveAtNode(tx, delta, now)))
      throw outOfStock({ ...facts, reason: "STOCK", available: 0 });
  }

  const groupId = crypto.randomUUID();
  const reservations = await tx.reservation.createManyAndReturn({
    data: deltas.map((d) => ({
      channelId: input.channelId,
      skuId: d.skuId,
      nodeId: d.nodeId,
      quantity: d.quantity,
      kind: input.kind,
      expiresAt: holdExpiresAt(now, ttlSeconds),
      orderId: input.orderId ?? null,
      orderLineId: input.orderLineId ?? null,
      groupId,
      bundleSkuId: bundle.id,
      idempotencyKey: keyOf(d.skuId),
    })),
  });
  await writeMovements(
    tx,
    reservations.map((r) => ({
      nodeId: r.nodeId ?? "",
      skuId: r.skuId,
      kind: "RESERVATION" as const,
      reservedDelta: r.quantity,
      reason: `${input.kind} of bundle ${bundle.id} × ${input.quantity} for channel ${input.channelId}`,
      ...reservationDocument(r),
      reservationId: r.id,
    })),
  );
  return {
    groupId,
    reservations: reservations.map(summarise),
    replayed: false,
    affectedSkuIds: [bundle.id, ...deltas.map((d) => d.skuId)],
  };
}

/** The group an earlier identical request created with the same key, if any. */
async function findReplay(
  tx: Tx,
  input: ReserveInput,
  keys: string[],
): Promise<{ groupId: string; reservations: ReservationSummary[] } | null> {
  if (!input.idempotencyKey) return null;
  const earlier = await tx.reservation.findMany({
    where: { idempotencyKey: { in: keys } },
    orderBy: { id: "asc" },
  });
  if (earlier.length === 0) return null;
  const groupId = earlier[0]?.groupId;
  if (
    earlier.length !== keys.length ||
    !groupId ||
    earlier.some((r) => r.channelId !== input.channelId)
  ) {
    throw idempotencyConflict(input.idempotencyKey);
  }
  return { groupId, reservations: earlier.map(summarise) };
}
