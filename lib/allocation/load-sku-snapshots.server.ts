import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BundlePart } from "@/lib/inventory/bundles";
import type { Db, Tx } from "@/lib/db/transaction.server";
import {
  CONFIG_COLUMNS,
  configOf,
  SKU_COLUMNS,
  skuTargetCte,
  stockBySku,
  stockColumns,
  type ConfigColumns,
  type SkuRows,
  type StockColumns,
} from "./allocation-sql.server";
import type { SkuTraits } from "./resolve-policy";
import { buildSkuSnapshot, type AllocationConfig, type SkuSnapshot } from "./sku-snapshot";

/** A SKU with what allocation, bundles and presale need to know about it. */
export type SkuRecord = {
  id: string;
  isBundle: boolean;
  traits: SkuTraits;
  components: BundlePart[];
  presale: { enabled: boolean; cap: number; sold: number };
};

/** Channels, active policies and active tier-switch rules, in one statement (CONFIG_COLUMNS). */
export async function loadAllocationConfig(db: Db): Promise<AllocationConfig> {
  const [row] = await db.$queryRaw<ConfigColumns[]>`SELECT ${CONFIG_COLUMNS}`;
  if (!row) throw new Error("the allocation configuration query returned no row");
  return configOf(row);
}

/**
 * The SKUs by id, with their category path, lifecycle, bundle components and presale state, in
 * one statement (skuTargetCte, SKU_COLUMNS).
 */
export async function loadSkuRecords(
  db: Db,
  skuIds: readonly string[],
): Promise<Map<string, SkuRecord>> {
  // No SKUs (an order without bundles asks for its components): no statements.
  if (skuIds.length === 0) return new Map();
  const [row] = await db.$queryRaw<SkuRows[]>`
    ${skuTargetCte(Prisma.join([...new Set(skuIds)]), { components: false })}
    SELECT ${SKU_COLUMNS}`;
  return row ? skuRecordsOf(row) : new Map();
}

/**
 * Snapshots of (non-bundle) SKUs: stock per node and open reservations per channel, read by one
 * statement (stockColumns).
 */
export async function loadSkuSnapshots(
  tx: Tx,
  config: AllocationConfig,
  skus: readonly SkuRecord[],
): Promise<Map<string, SkuSnapshot>> {
  if (skus.length === 0) return new Map();
  const [row] = await tx.$queryRaw<StockColumns[]>`
    SELECT ${stockColumns(Prisma.join(skus.map((s) => s.id)))}`;
  return snapshotsOf(config, skus, row ?? { levels: [], open: [] });
}

/** The allocation configuration with SKU records and the snapshots of the plain ones among them. */
export type AllocationState = {
  config: AllocationConfig;
  /** The SKUs asked for and the components of those that are bundles. */
  records: Map<string, SkuRecord>;
  /** Every plain (non-bundle) record's snapshot; empty when read without stock. */
  snapshots: Map<string, SkuSnapshot>;
};

/** A row of allocationStateSql. */
export type AllocationStateRow = ConfigColumns & SkuRows & Partial<StockColumns>;

/**
 * The one statement loadAllocationState runs. `extraColumns` are read in the same round trip,
 * from the same committed state (routing reads its nodes, loads and rules with it).
 */
export function allocationStateSql(
  skuIds: readonly string[],
  options: { stock: boolean; extraColumns?: Prisma.Sql },
): Prisma.Sql {
  const ids = Prisma.join([...new Set(skuIds)]);
  const stock = options.stock
    ? Prisma.sql`, ${stockColumns(Prisma.sql`SELECT "id" FROM target WHERE NOT "isBundle"`)}`
    : Prisma.empty;
  const extra = options.extraColumns ? Prisma.sql`, ${options.extraColumns}` : Prisma.empty;
  return Prisma.sql`
    ${skuTargetCte(ids, { components: true })}
    SELECT ${SKU_COLUMNS}, ${CONFIG_COLUMNS}${stock}${extra}`;
}

/** The allocation state in a row of allocationStateSql. */
export function allocationStateOf(row: AllocationStateRow): AllocationState {
  const config = configOf(row);
  const records = skuRecordsOf(row);
  const plain = [...records.values()].filter((r) => !r.isBundle);
  const snapshots =
    row.levels && row.open
      ? snapshotsOf(config, plain, { levels: row.levels, open: row.open })
      : new Map<string, SkuSnapshot>();
  return { config, records, snapshots };
}

/**
 * Everything channel ATS is computed on for these SKUs, in one statement (so from one committed
 * state, with no transaction): the configuration (loadAllocationConfig), the SKUs and their
 * bundles' components (loadSkuRecords) and, unless `stock: false`, the plain ones' stock
 * (loadSkuSnapshots).
 */
export async function loadAllocationState(
  db: Db,
  skuIds: readonly string[],
  options: { stock: boolean } = { stock: true },
): Promise<AllocationState> {
  const [row] = await db.$queryRaw<AllocationStateRow[]>(allocationStateSql(skuIds, options));
  if (!row) throw new Error("the allocation state query returned no row");
  return allocationStateOf(row);
}

/** Each SKU's snapshot from the stock rows stockColumns read. */
export function snapshotsOf(
  config: AllocationConfig,
  skus: readonly SkuRecord[],
  stock: StockColumns,
): Map<string, SkuSnapshot> {
  const { levelsOf, openOf } = stockBySku(stock);
  return new Map(
    skus.map((s) => [
      s.id,
      buildSkuSnapshot(config, s.traits, levelsOf.get(s.id) ?? [], openOf.get(s.id) ?? new Map()),
    ]),
  );
}

/** The SKU records SKU_COLUMNS read, by id. */
export function skuRecordsOf(rows: SkuRows): Map<string, SkuRecord> {
  return new Map(
    rows.skus.map((sku) => [
      sku.id,
      {
        id: sku.id,
        isBundle: sku.isBundle,
        traits: {
          skuId: sku.id,
          lifecycle: sku.lifecycle,
          categoryPath: acyclic(rows.paths[sku.categoryId] ?? []),
        },
        components: sku.components,
        presale: { enabled: sku.presaleEnabled, cap: sku.presaleCap, sold: sku.presaleSold },
      },
    ]),
  );
}

/** The path up to its first repeat: a cycle in the categories ends it, as in categoryPath. */
function acyclic(path: readonly string[]): string[] {
  const seen: string[] = [];
  for (const id of path) {
    if (seen.includes(id)) break;
    seen.push(id);
  }
  return seen;
}
