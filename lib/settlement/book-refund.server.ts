import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { writeEntries } from "./book-sale.server";
import { entriesForRefund, type EntryDraft } from "./settlement-rules";

/**
 * Books a refund in the settlement ledger, in the transaction that records the REFUND payment:
 * the sale's credit given back and each of its fees, commissions and discounts reversed in
 * proportion. `before` is what the order had refunded before this refund.
 */
export async function bookRefund(
  tx: Tx,
  input: {
    orderId: string;
    paymentId: string;
    returnId: string | null;
    amount: number;
    before: number;
    at: Date;
  },
): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: {
      total: true,
      channel: { select: { id: true, organizationId: true } },
      // The sale as booked when paid: every entry that is not part of a refund.
      settlement: {
        where: {
          kind: { not: "REFUND" },
          OR: [{ paymentId: null }, { payment: { kind: "CHARGE" } }],
        },
        select: {
          kind: true,
          amount: true,
          organizationId: true,
          channelId: true,
          nodeId: true,
          beneficiaryUserId: true,
          rateBps: true,
        },
      },
    },
  });
  const sale: EntryDraft[] = order.settlement;
  await writeEntries(
    tx,
    entriesForRefund({
      sale,
      channel: order.channel,
      total: order.total,
      before: input.before,
      amount: input.amount,
    }),
    { orderId: input.orderId, paymentId: input.paymentId, returnId: input.returnId, at: input.at },
  );
}
