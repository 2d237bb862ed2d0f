import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Tx } from "@/lib/db/transaction.server";
import { BEST_NODE } from "./rules";

/** The channel must exist and be selling. */
export async function requireChannel(tx: Tx, channelId: string): Promise<void> {
  const channel = await tx.channel.findUnique({
    where: { id: channelId },
    select: { active: true },
  });
  if (!channel) throw new AppError("NOT_FOUND", "Unknown channel.", { details: { channelId } });
  if (!channel.active)
    throw new AppError("CONFLICT", "The channel is not active.", { details: { channelId } });
}

/** A named node, and every candidate node, must exist. */
export async function requireNodes(
  tx: Tx,
  nodeId: string,
  candidateNodeIds: readonly string[] = [],
): Promise<void> {
  const wanted = [...new Set(nodeId === BEST_NODE ? candidateNodeIds : [nodeId])];
  if (wanted.length === 0) return;
  const found = await tx.node.findMany({ where: { id: { in: wanted } }, select: { id: true } });
  const missing = wanted.filter((id) => !found.some((n) => n.id === id));
  if (missing.length > 0) {
    throw new AppError("NOT_FOUND", "Unknown node.", { details: { nodeIds: missing } });
  }
}

/** What the refusal of a reservation tells the caller. */
export type ShortfallFacts = {
  skuId: string;
  channelId: string;
  requested: number;
  /** The most this request could get now. */
  available: number;
  reason: "CHANNEL" | "STOCK";
} & Record<string, unknown>;

/** OUT_OF_STOCK carrying what is available, so the caller can offer it. */
export function outOfStock(facts: ShortfallFacts): AppError {
  const message =
    facts.available > 0 ? `Only ${facts.available} available.` : "Out of stock for this channel.";
  return new AppError("OUT_OF_STOCK", message, { details: facts });
}

/** The refusal for an idempotency key already used by a different request. */
export function idempotencyConflict(key: string): AppError {
  return new AppError(
    "CONFLICT",
    "This idempotency key was already used for a different request.",
    {
      details: { idempotencyKey: key },
    },
  );
}
