import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { ratesInForce } from "./rate-in-force.server";
import { storeFulfilments } from "./store-fulfilments.server";
import { entriesForSale, type EntryDraft } from "./settlement-rules";

/**
 * Books a paid order in the settlement ledger, inside the transaction that confirms its payment
 * and dated at the payment: sales credit, fulfilment fees of the stores shipping it, the guide's
 * commission, the employee discount. Rates are those in force when it was paid. Called behind the
 * compare-and-set that marks the order paid, so it books once.
 */
export async function bookSale(tx: Tx, input: { orderId: string; paidAt: Date }): Promise<void> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: {
      id: true,
      total: true,
      shippingFee: true,
      guideUserId: true,
      channel: { select: { id: true, organizationId: true } },
      employee: { select: { organizationId: true } },
      guide: { select: { storeNode: { select: { organizationId: true } } } },
      lines: {
        select: {
          quantity: true,
          sku: { select: { listPrice: true, product: { select: { listPrice: true } } } },
        },
      },
      payments: {
        where: { kind: "CHARGE", status: "SUCCEEDED" },
        select: { id: true },
        take: 1,
      },
    },
  });
  const guideOrganizationId = order.guide?.storeNode?.organizationId;
  const drafts = entriesForSale({
    total: order.total,
    goodsPaid: order.total - order.shippingFee,
    channel: order.channel,
    storeFulfilments: await storeFulfilments(tx, {
      orderId: order.id,
      status: { notIn: ["CANCELLED", "REJECTED"] },
    }),
    guide:
      order.guideUserId && guideOrganizationId
        ? { userId: order.guideUserId, organizationId: guideOrganizationId }
        : null,
    employee: order.employee
      ? {
          listValue: order.lines.reduce(
            (sum, l) => sum + (l.sku.listPrice ?? l.sku.product.listPrice) * l.quantity,
            0,
          ),
          employerOrganizationId: order.employee.organizationId,
        }
      : null,
    rates: await ratesInForce(tx, input.paidAt),
  });
  await writeEntries(tx, drafts, {
    orderId: order.id,
    paymentId: order.payments[0]?.id ?? null,
    returnId: null,
    at: input.paidAt,
  });
}

/** Writes drafted entries for one order and payment, all dated `at`. */
export async function writeEntries(
  tx: Tx,
  drafts: readonly EntryDraft[],
  doc: { orderId: string; paymentId: string | null; returnId: string | null; at: Date },
): Promise<void> {
  if (drafts.length === 0) return;
  await tx.settlementEntry.createMany({
    data: drafts.map((d) => ({
      orderId: doc.orderId,
      paymentId: doc.paymentId,
      returnId: doc.returnId,
      organizationId: d.organizationId,
      kind: d.kind,
      amount: d.amount,
      channelId: d.channelId ?? null,
      nodeId: d.nodeId ?? null,
      beneficiaryUserId: d.beneficiaryUserId ?? null,
      rateBps: d.rateBps ?? null,
      createdAt: doc.at,
    })),
  });
}
