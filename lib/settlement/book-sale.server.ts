import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import { ratesInForce } from "./rate-in-force.server";
import { entriesForSale, type EntryDraft } from "./settlement-rules";

const STORE_TYPES = new Set(["STORE_DIRECT", "STORE_FRANCHISE"]);

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
          id: true,
          quantity: true,
          lineTotal: true,
          sku: { select: { listPrice: true, product: { select: { listPrice: true } } } },
        },
      },
      fulfilmentOrders: {
        // A store shipping its part in to the pickup store did the picking and packing: it earns
        // the fee on those goods; the pickup store's handover carries no goods of its own.
        where: { status: { notIn: ["CANCELLED", "REJECTED"] } },
        select: {
          nodeId: true,
          node: { select: { type: true, organizationId: true } },
          lines: { select: { orderLineId: true, quantity: true } },
        },
      },
      payments: {
        where: { kind: "CHARGE", status: "SUCCEEDED" },
        select: { id: true },
        take: 1,
      },
    },
  });
  const lineById = new Map(order.lines.map((l) => [l.id, l]));
  const storeFulfilments = order.fulfilmentOrders
    .filter((fo) => STORE_TYPES.has(fo.node.type))
    .map((fo) => ({
      nodeId: fo.nodeId,
      organizationId: fo.node.organizationId,
      goods: fo.lines.reduce((sum, fl) => {
        const line = lineById.get(fl.orderLineId);
        return line ? sum + Math.floor((line.lineTotal * fl.quantity) / line.quantity) : sum;
      }, 0),
    }));
  const guideOrganizationId = order.guide?.storeNode?.organizationId;
  const drafts = entriesForSale({
    total: order.total,
    goodsPaid: order.total - order.shippingFee,
    channel: order.channel,
    storeFulfilments,
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
