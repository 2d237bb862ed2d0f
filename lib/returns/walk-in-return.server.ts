import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { createReturn } from "./create-return.server";
import { receiveInTransaction, type ReceivedReturn } from "./receive-return.server";
import { retryOnCodeClash } from "./request-return.server";
import type { ReturnActor } from "./return-counter.server";
import { contactMatches, walkInReturnSchema, type WalkInReturnInput } from "./return-rules";

/**
 * A customer walks in with goods and no return asked for: staff find the order by its number and
 * the buyer's phone or email (a wrong pair is NOT_FOUND, never a hint that the order exists),
 * write the return and receive it at this store in one transaction, with the same rules as a
 * return asked for online (window, returnable units, every line decided).
 */
export async function takeWalkInReturn(
  db: Db,
  input: { actor: ReturnActor; walkIn: WalkInReturnInput; now?: Date },
): Promise<ReceivedReturn> {
  const walkIn = parseInput(walkInReturnSchema, input.walkIn);
  const now = input.now ?? new Date();
  const received = await retryOnCodeClash(() =>
    withTransaction(db, async (tx) => {
      const orderId = await provenOrderId(tx, walkIn.orderNo, walkIn.contact);
      const wanted = walkIn.lines.filter((l) => l.quantity > 0);
      const created = await createReturn(tx, {
        orderId,
        atStore: true,
        withCode: false,
        reason: walkIn.reason,
        lines: wanted.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
        now,
      });
      const lines = await tx.returnLine.findMany({
        where: { returnId: created.returnId },
        select: { id: true, orderLineId: true },
      });
      const byOrderLine = new Map(wanted.map((l) => [l.orderLineId, l]));
      return receiveInTransaction(
        tx,
        input.actor,
        {
          returnId: created.returnId,
          lines: lines.map((l) => {
            const d = byOrderLine.get(l.orderLineId)!;
            return {
              returnLineId: l.id,
              decision: d.decision,
              ...(d.refuseReason ? { refuseReason: d.refuseReason } : {}),
            };
          }),
        },
        now,
      );
    }),
  );
  if (received.restocked > 0) notifyStockChanged();
  return received;
}

/** The order a walk-in customer names, when the contact they give is the buyer's. */
export async function provenOrderId(tx: Tx, orderNo: string, contact: string): Promise<string> {
  const order = await tx.order.findUnique({
    where: { orderNo },
    select: { id: true, contactPhone: true, user: { select: { email: true } } },
  });
  if (
    !order ||
    !contactMatches(contact, { phone: order.contactPhone, email: order.user?.email ?? null })
  )
    throw new AppError("NOT_FOUND", "No order with this number for this phone or email.", {
      details: { reason: "ORDER" },
    });
  return order.id;
}
