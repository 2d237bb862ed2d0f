import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  MovementKind,
  ReservationKind,
  ReservationStatus,
} from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/transaction.server";

/** One (node, SKU) counter change. */
export type StockDelta = { nodeId: string; skuId: string; quantity: number };

/**
 * Locks the SKUs' rows for the rest of the transaction, in id order, and returns the ids found.
 * Every use case that promises stock takes this lock first, so channel ATS decisions for one
 * SKU are serialised and read a state no other promise can change underneath (see reserveStock).
 * FOR NO KEY UPDATE does not block inserts that merely reference the SKU.
 */
export async function lockSkus(tx: Tx, skuIds: readonly string[]): Promise<string[]> {
  if (skuIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Sku" WHERE "id" IN (${Prisma.join([...new Set(skuIds)])})
    ORDER BY "id" FOR NO KEY UPDATE`;
  return rows.map((r) => r.id);
}

/**
 * Compare-and-set: promises `quantity` at the node only if it is active and still has that many
 * available above its safety stock. False means refused; nothing changed.
 */
export async function reserveAtNode(tx: Tx, delta: StockDelta, now: Date): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE "StockLevel" SET "reserved" = "reserved" + ${delta.quantity},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${delta.nodeId} AND "skuId" = ${delta.skuId}
      AND "onHand" - "reserved" - "safetyStock" >= ${delta.quantity}
      AND EXISTS (SELECT 1 FROM "Node" WHERE "id" = ${delta.nodeId} AND "active")`;
  return count === 1;
}

/** A reservation to record together with the units it promises (see reserveAndRecord). */
export type NewReservation = {
  id: string;
  channelId: string;
  quantity: number;
  kind: ReservationKind;
  expiresAt: Date | null;
  orderId: string | null;
  orderLineId?: string | null;
  idempotencyKey: string | null;
  /** Why, for the RESERVATION movement. */
  reason: string;
};

/** A reservation row as reserveAndRecord returns it. */
export type RecordedReservation = {
  id: string;
  channelId: string;
  skuId: string;
  nodeId: string | null;
  quantity: number;
  kind: ReservationKind;
  status: ReservationStatus;
  expiresAt: Date | null;
  orderId: string | null;
  groupId: string | null;
};

/**
 * A write that belongs with a promise, made in the promise's statement after it and only if the
 * units were promised (`sql` gets that condition to put in its WHERE): an order's capacity for
 * the day, so the SKU lock is not held across one more round trip. The write returns a "key"
 * column; `written` gets those keys when the units were promised.
 */
export type AlsoWhenPromised = {
  sql: (promised: Prisma.Sql) => Prisma.Sql;
  written: (keys: string[]) => void;
};

/**
 * reserveAtNode's compare-and-set for the reservations' total at one node, and, in the same
 * statement, the reservation rows and one RESERVATION movement each. The inserts only happen
 * when the update promised the units, so a refusal (empty result) writes nothing. One round trip
 * instead of three per reservation keeps the SKU lock held for less time, which is what bounds
 * how fast one hot SKU can sell. Rows come back in the order given.
 */
export async function reserveAndRecord(
  tx: Tx,
  at: { nodeId: string; skuId: string },
  reservations: readonly NewReservation[],
  now: Date,
  also?: AlsoWhenPromised,
): Promise<RecordedReservation[]> {
  if (reservations.length === 0) return [];
  const total = reservations.reduce((sum, r) => sum + r.quantity, 0);
  // One JSON parameter carries any number of rows the same way through every driver adapter.
  const rows = JSON.stringify(
    reservations.map((r, position) => ({ ...r, position, ...reservationDocument(r) })),
  );
  const recorded = await tx.$queryRaw<(RecordedReservation & { also: string[] })[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS i("id" text, "channelId" text,
        "quantity" int, "kind" text, "expiresAt" timestamp(3), "orderId" text,
        "orderLineId" text, "idempotencyKey" text, "reason" text, "documentType" text, "documentId" text,
        "position" int)
    ), promised AS (
      UPDATE "StockLevel" SET "reserved" = "reserved" + ${total},
        "version" = "version" + 1, "updatedAt" = ${now}
      WHERE "nodeId" = ${at.nodeId} AND "skuId" = ${at.skuId}
        AND "onHand" - "reserved" - "safetyStock" >= ${total}
        AND EXISTS (SELECT 1 FROM "Node" WHERE "id" = ${at.nodeId} AND "active")
      RETURNING "nodeId", "skuId"
    ), reservation AS (
      INSERT INTO "Reservation" ("id", "channelId", "skuId", "nodeId", "quantity", "kind",
        "status", "expiresAt", "orderId", "orderLineId", "idempotencyKey", "updatedAt")
      SELECT i."id", i."channelId", p."skuId", p."nodeId", i."quantity",
        i."kind"::"ReservationKind", 'ACTIVE'::"ReservationStatus", i."expiresAt", i."orderId",
        i."orderLineId", i."idempotencyKey", CURRENT_TIMESTAMP
      FROM input i CROSS JOIN promised p ORDER BY i."position"
      RETURNING "id", "channelId", "skuId", "nodeId", "quantity", "kind", "status",
        "expiresAt", "orderId", "groupId"
    ), movement AS (
      INSERT INTO "StockMovement" ("nodeId", "skuId", "kind", "reservedDelta", "reason",
        "documentType", "documentId", "reservationId")
      SELECT r."nodeId", r."skuId", 'RESERVATION'::"MovementKind", r."quantity", i."reason",
        i."documentType", i."documentId", r."id"
      FROM reservation r JOIN input i ON i."id" = r."id" ORDER BY i."position"
    ), also AS (
      ${also ? also.sql(Prisma.sql`EXISTS (SELECT 1 FROM reservation)`) : Prisma.sql`SELECT NULL::text AS "key" WHERE FALSE`}
    )
    SELECT "id", "channelId", "skuId", "nodeId", "quantity", "kind"::text AS "kind",
      "status"::text AS "status", "expiresAt", "orderId", "groupId",
      (SELECT COALESCE(json_agg("key"), '[]'::json) FROM also) AS "also"
    FROM reservation`;
  if (recorded[0]) also?.written(recorded[0].also);
  const byId = new Map(recorded.map(({ also: _, ...r }) => [r.id, r]));
  return reservations.flatMap((r) => byId.get(r.id) ?? []);
}

let idCounter = 0;

/**
 * A new row id for inserts written as SQL, shaped like the ids Prisma generates (25 characters,
 * starting with "c" and the time), so rows still sort roughly by creation time.
 */
export function newRowId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = [...randomBytes(12)].map((b) => (b % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${random}`;
}

/** Gives promised units back. Fails loudly if the counter holds less, which would mean drift. */
export async function unreserveAtNode(tx: Tx, delta: StockDelta, now: Date): Promise<void> {
  const count = await tx.$executeRaw`
    UPDATE "StockLevel" SET "reserved" = "reserved" - ${delta.quantity},
      "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${delta.nodeId} AND "skuId" = ${delta.skuId} AND "reserved" >= ${delta.quantity}`;
  if (count !== 1)
    throw new Error(`reserved of ${delta.skuId} at ${delta.nodeId} is below ${delta.quantity}`);
}

/** Ships promised units: on hand and reserved both go down. Fails loudly on drift. */
export async function consumeAtNode(tx: Tx, delta: StockDelta, now: Date): Promise<void> {
  const count = await tx.$executeRaw`
    UPDATE "StockLevel" SET "onHand" = "onHand" - ${delta.quantity},
      "reserved" = "reserved" - ${delta.quantity}, "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "nodeId" = ${delta.nodeId} AND "skuId" = ${delta.skuId}
      AND "reserved" >= ${delta.quantity} AND "onHand" >= ${delta.quantity}`;
  if (count !== 1)
    throw new Error(`cannot consume ${delta.quantity} of ${delta.skuId} at ${delta.nodeId}`);
}

/** Makes sure a stock level row exists (a first receipt at a node creates it). */
export async function ensureStockLevel(
  tx: Tx,
  nodeId: string,
  skuId: string,
  now: Date,
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "StockLevel" ("id", "nodeId", "skuId", "updatedAt")
    VALUES (${crypto.randomUUID()}, ${nodeId}, ${skuId}, ${now})
    ON CONFLICT ("nodeId", "skuId") DO NOTHING`;
}

/** Sorts deltas by (node, SKU), merging duplicates: the one order every writer locks rows in. */
export function inLockOrder(deltas: readonly StockDelta[]): StockDelta[] {
  const merged = new Map<string, StockDelta>();
  for (const d of deltas) {
    const key = `${d.nodeId}\u0000${d.skuId}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, quantity: seen.quantity + d.quantity } : { ...d });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

/** One ledger row; every change of onHand, reserved or inbound writes one in the same transaction. */
export type MovementRow = {
  nodeId: string;
  skuId: string;
  kind: MovementKind;
  onHandDelta?: number;
  reservedDelta?: number;
  inboundDelta?: number;
  reason: string;
  documentType: string;
  documentId: string;
  reservationId?: string | null;
  actorUserId?: string | null;
};

/** Appends movements to the ledger. */
export async function writeMovements(tx: Tx, rows: readonly MovementRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.stockMovement.createMany({
    data: rows.map((r) => ({
      nodeId: r.nodeId,
      skuId: r.skuId,
      kind: r.kind,
      onHandDelta: r.onHandDelta ?? 0,
      reservedDelta: r.reservedDelta ?? 0,
      inboundDelta: r.inboundDelta ?? 0,
      reason: r.reason,
      documentType: r.documentType,
      documentId: r.documentId,
      reservationId: r.reservationId ?? null,
      actorUserId: r.actorUserId ?? null,
    })),
  });
}

/** The document a reservation's movements belong to: its order when it has one. */
export function reservationDocument(r: { id: string; orderId: string | null }): {
  documentType: string;
  documentId: string;
} {
  return r.orderId
    ? { documentType: "ORDER", documentId: r.orderId }
    : { documentType: "RESERVATION", documentId: r.id };
}
