import "server-only";
import {
  skuRecordsOf,
  snapshotsOf,
  type SkuRecord,
} from "@/lib/allocation/load-sku-snapshots.server";
import {
  CONFIG_COLUMNS,
  configOf,
  SKU_COLUMNS,
  skuTargetCte,
  stockColumns,
  type ConfigColumns,
  type SkuRows,
  type StockColumns,
} from "@/lib/allocation/allocation-sql.server";
import type { AllocationConfig, SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { BEST_NODE, type ReserveInput } from "./rules";

/** What a reservation is decided on: the SKU, the allocation configuration and the stock. */
export type ReserveContext = {
  sku: SkuRecord | null;
  /** Those of the asked-for nodes that exist. */
  existingNodeIds: string[];
  config: AllocationConfig;
  /** The SKU's committed state (null for an unknown SKU or a bundle). */
  snapshot: SkuSnapshot | null;
};

type ContextRow = ConfigColumns & StockColumns & SkuRows & { nodeIds: string[] };

/** The nodes a request names: its node, or its candidates when it lets the engine choose. */
export function wantedNodeIds(input: Pick<ReserveInput, "nodeId" | "candidateNodeIds">): string[] {
  return [...new Set(input.nodeId === BEST_NODE ? (input.candidateNodeIds ?? []) : [input.nodeId])];
}

/**
 * Reads, in one statement, everything a reservation is decided on: the SKU with its category
 * path, which of `nodeIds` exist, the allocation configuration and the SKU's stock and open
 * reservations. The same columns the separate loaders read (loadSkuRecords,
 * loadAllocationConfig, loadSkuSnapshots; lib/allocation/allocation-sql.server.ts), in one round
 * trip: under a flash sale the database's time per statement is what bounds throughput.
 */
export async function loadReserveContext(
  db: Db,
  skuId: string,
  nodeIds: readonly string[],
): Promise<ReserveContext> {
  const wanted = [...new Set(nodeIds)];
  const nodes =
    wanted.length === 0
      ? Prisma.sql`'[]'::json`
      : Prisma.sql`(SELECT COALESCE(json_agg(n."id"), '[]'::json) FROM "Node" n WHERE n."id" IN (${Prisma.join(wanted)}))`;
  const [row] = await db.$queryRaw<ContextRow[]>`
    ${skuTargetCte(Prisma.sql`${skuId}`, { components: false })}
    SELECT ${SKU_COLUMNS}, ${CONFIG_COLUMNS}, ${nodes} AS "nodeIds",
      ${stockColumns(Prisma.sql`${skuId}`)}`;
  if (!row) throw new Error("the reservation context query returned no row");
  return toContext(row);
}

function toContext(row: ContextRow): ReserveContext {
  const config = configOf(row);
  const sku = skuRecordsOf(row).get(row.skus[0]?.id ?? "") ?? null;
  return {
    sku,
    existingNodeIds: row.nodeIds,
    config,
    snapshot: sku && !sku.isBundle ? (snapshotsOf(config, [sku], row).get(sku.id) ?? null) : null,
  };
}

/**
 * The checks a reservation passes before it is decided, in reserveStock's order: the SKU exists
 * and is not a bundle, the channel exists and is active, every named node exists. Throws the
 * refusal (NOT_FOUND, INVALID_INPUT or CONFLICT); returns the SKU and its snapshot.
 */
export function checkReserveContext(
  context: ReserveContext,
  input: Pick<ReserveInput, "skuId" | "channelId" | "nodeId" | "candidateNodeIds">,
): { sku: SkuRecord; snapshot: SkuSnapshot } {
  const { sku, snapshot } = context;
  if (!sku) {
    throw new AppError("NOT_FOUND", "Unknown SKU.", {
      details: { reason: "SKU", skuId: input.skuId },
    });
  }
  if (sku.isBundle || !snapshot) {
    throw new AppError("INVALID_INPUT", "This SKU is a bundle; reserve it as a bundle.", {
      fieldErrors: { skuId: [{ problem: "INVALID" }] },
      details: { reason: "IS_BUNDLE" },
    });
  }
  const channel = context.config.channels.find((c) => c.id === input.channelId);
  const { channelId } = input;
  if (!channel) {
    throw new AppError("NOT_FOUND", "Unknown channel.", {
      details: { reason: "CHANNEL", channelId },
    });
  }
  if (!channel.active) {
    throw new AppError("CONFLICT", "The channel is not active.", {
      details: { reason: "CHANNEL_INACTIVE", channelId },
    });
  }
  const missing = wantedNodeIds(input).filter((id) => !context.existingNodeIds.includes(id));
  if (missing.length > 0) {
    throw new AppError("NOT_FOUND", "Unknown node.", {
      details: { reason: "NODE", nodeIds: missing },
    });
  }
  return { sku, snapshot };
}
