import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Tx } from "@/lib/db/transaction.server";
import type { NodeType, Role } from "@/lib/generated/prisma/enums";

/** Who takes a return: a store's staff at their store, an admin at a warehouse. */
export type ReturnActor = { id: string; role: Role; storeNodeId: string | null };

/** The node types that receive parcels sent back by courier. */
export const RETURN_WAREHOUSE_TYPES = [
  "CENTRAL_WAREHOUSE",
  "REGIONAL_WAREHOUSE",
  "FRONT_WAREHOUSE",
] as const satisfies readonly NodeType[];
const WAREHOUSE_TYPES = new Set<string>(RETURN_WAREHOUSE_TYPES);

/**
 * The node receiving the goods: staff receive at their own store (whatever node they name); an
 * admin receives online returns at a warehouse they choose.
 */
export async function receivingNodeFor(
  tx: Tx,
  actor: ReturnActor,
  nodeId: string | undefined,
): Promise<string> {
  if (actor.role === "STORE_STAFF" && actor.storeNodeId) return actor.storeNodeId;
  if (actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Returns are taken by store staff or at a warehouse.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  const node = nodeId
    ? await tx.node.findUnique({ where: { id: nodeId }, select: { id: true, type: true } })
    : null;
  if (!node)
    throw new AppError("NOT_FOUND", "Choose the warehouse receiving the parcel.", {
      fieldErrors: { nodeId: [{ problem: "INVALID" }] },
      details: { reason: "NODE", nodeIds: nodeId ? [nodeId] : [] },
    });
  if (!WAREHOUSE_TYPES.has(node.type))
    throw new AppError("INVALID_INPUT", "Online returns are received at a warehouse.", {
      fieldErrors: { nodeId: [{ problem: "INVALID" }] },
      details: { reason: "NOT_A_WAREHOUSE" },
    });
  return node.id;
}

/** Locks a return and checks it is in the state the step expects. */
export async function lockReturn(
  tx: Tx,
  returnId: string,
  expected: "REQUESTED" | "RECEIVED",
): Promise<{ id: string; orderId: string; rmaNo: string; receivingNodeId: string | null }> {
  const rows = await tx.$queryRaw<
    { id: string; orderId: string; rmaNo: string; status: string; receivingNodeId: string | null }[]
  >`SELECT id, "orderId", "rmaNo", status::text AS status, "receivingNodeId"
    FROM "Return" WHERE id = ${returnId} FOR UPDATE`;
  const row = rows[0];
  if (!row)
    throw new AppError("NOT_FOUND", "No return with this code or number.", {
      details: { reason: "RETURN" },
    });
  if (row.status !== expected)
    throw new AppError("CONFLICT", `This return is already ${row.status.toLowerCase()}.`, {
      details: { reason: "RETURN_STATE", status: row.status },
    });
  return row;
}
