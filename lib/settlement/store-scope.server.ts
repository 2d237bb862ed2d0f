import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";

/**
 * The organisation whose statement a store's staff member may read: the one owning their
 * store. Asking for any other is refused, so a changed query or download link shows nothing.
 */
export async function storeOrganizationId(
  db: Db,
  staff: { storeNodeId: string | null },
  requested?: string,
): Promise<string> {
  const store = staff.storeNodeId
    ? await db.node.findUnique({
        where: { id: staff.storeNodeId },
        select: { organizationId: true },
      })
    : null;
  if (!store)
    throw new AppError("FORBIDDEN", "Only a store's staff may read its statement.", {
      details: { reason: "STORE_STAFF_ONLY" },
    });
  if (requested !== undefined && requested !== store.organizationId)
    throw new AppError("FORBIDDEN", "This statement belongs to another organisation.", {
      details: { reason: "OTHER_ORGANIZATION" },
    });
  return store.organizationId;
}
