import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { ShortfallDetails } from "@/lib/errors/error-details";
import type { Tx } from "@/lib/db/transaction.server";
import { BEST_NODE } from "./rules";

/** The channel must exist and be selling. */
export async function requireChannel(tx: Tx, channelId: string): Promise<void> {
  const channel = await tx.channel.findUnique({
    where: { id: channelId },
    select: { active: true },
  });
  if (!channel)
    throw new AppError("NOT_FOUND", "Unknown channel.", {
      details: { reason: "CHANNEL", channelId },
    });
  if (!channel.active)
    throw new AppError("CONFLICT", "The channel is not active.", {
      details: { reason: "CHANNEL_INACTIVE", channelId },
    });
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
    throw new AppError("NOT_FOUND", "Unknown node.", {
      details: { reason: "NODE", nodeIds: missing },
    });
  }
}

/** What the refusal of a reservation tells the caller (a decision's `ok: false` may come along). */
export type ShortfallFacts = ShortfallDetails & { ok?: false };

/** OUT_OF_STOCK carrying what is available, so the caller can offer it. */
export function outOfStock(facts: ShortfallFacts): AppError {
  const { ok: _ok, ...details } = facts;
  const message =
    facts.available > 0 ? `Only ${facts.available} available.` : "Out of stock for this channel.";
  return new AppError("OUT_OF_STOCK", message, { details });
}

/** The refusal for an idempotency key already used by a different request. */
export function idempotencyConflict(key: string): AppError {
  return new AppError(
    "CONFLICT",
    "This idempotency key was already used for a different request.",
    {
      details: { reason: "IDEMPOTENCY_KEY", idempotencyKey: key },
    },
  );
}
