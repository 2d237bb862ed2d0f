import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { writeEntries } from "./book-sale.server";
import { ratesInForce } from "./rate-in-force.server";
import { storeFulfilments } from "./store-fulfilments.server";
import { entriesForSale, type EntryDraft } from "./settlement-rules";

/**
 * A paid order's part was rejected by a store and routed again: the fee goes to the node that
 * now fulfils it. The rejecting store's fee pair is reversed and the new stores' pairs booked at
 * the rate the order was paid at, dated now, in the re-routing transaction. Each move sums to
 * zero, so the books still reconcile to the money.
 */
export async function moveFulfilmentFee(
  tx: Tx,
  input: {
    orderId: string;
    fromNodeId: string;
    toFulfilmentOrderIds: readonly string[];
    now: Date;
  },
): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: {
      paymentStatus: true,
      paidAt: true,
      channel: { select: { id: true, organizationId: true } },
    },
  });
  if (order.paymentStatus === "PENDING" || !order.paidAt) return;
  const booked = await tx.settlementEntry.findMany({
    where: {
      orderId: input.orderId,
      kind: "FULFILMENT_FEE",
      nodeId: input.fromNodeId,
      OR: [{ paymentId: null }, { payment: { kind: "CHARGE" } }],
    },
    select: { organizationId: true, amount: true, channelId: true, nodeId: true, rateBps: true },
  });
  const reversed: EntryDraft[] = booked.map((e) => ({
    ...e,
    kind: "FULFILMENT_FEE",
    amount: -e.amount,
  }));
  // The rate the order was paid at: as booked, or as in force then when no store had a fee.
  const rateBps =
    booked.find((e) => e.rateBps !== null)?.rateBps ??
    (await ratesInForce(tx, order.paidAt)).fulfilmentFeeBps;
  const stores = await storeFulfilments(tx, { id: { in: [...input.toFulfilmentOrderIds] } });
  const moved = entriesForSale({
    total: 0,
    goodsPaid: 0,
    channel: order.channel,
    storeFulfilments: stores,
    guide: null,
    employee: null,
    rates: { fulfilmentFeeBps: rateBps, guideCommissionBps: 0 },
  }).filter((e) => e.kind === "FULFILMENT_FEE");
  await writeEntries(tx, [...reversed, ...moved], {
    orderId: input.orderId,
    paymentId: null,
    returnId: null,
    at: input.now,
  });
}
