import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { publishPolicyChange } from "@/lib/feed/publish-policy-change.server";
import type { PublishedCounts } from "@/lib/feed/publish-skus.server";

/**
 * Recomputes channel ATS for the SKUs a console change reaches and publishes it on the channel
 * feeds, inside the change's own transaction: connectors see the change exactly when it commits.
 */
export async function publishAllocationChange(
  tx: Tx,
  skuIds: readonly string[] | "all",
): Promise<PublishedCounts> {
  if (skuIds !== "all" && skuIds.length === 0) return { skus: 0, events: 0 };
  return publishPolicyChange(tx, { skuIds });
}

/** The refusal of an edit made from an older version: someone saved in between. */
export function staleEdit(): AppError<"CONFLICT"> {
  return new AppError("CONFLICT", "Changed since you opened it.", {
    details: { reason: "CHANGED_SINCE_OPENED" },
  });
}
