import "server-only";
import type { Db } from "@/lib/db/transaction.server";

/** A store the shopper chose by its code (e.g. from a product's nearby stores), or null. */
export async function findStoreByCode(db: Db, code: string) {
  return db.node.findUnique({
    where: { code },
    select: { id: true, name: true, nameZh: true, offersPickup: true, active: true },
  });
}
