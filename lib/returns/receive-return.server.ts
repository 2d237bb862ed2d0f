import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { notifyStockChanged } from "@/lib/feed/feed-publisher.server";
import { restockUnits } from "@/lib/inventory/restock-units.server";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { planRefund } from "@/lib/payments/refund-plan";
import { FEN_PER_POINT } from "@/lib/pricing/price-order";
import { lockReturn, receivingNodeFor, type ReturnActor } from "./return-counter.server";
import {
  receiveReturnSchema,
  refundForAccepted,
  type CounterDecision,
  type ReceiveReturnInput,
} from "./return-rules";

export type ReceivedReturn = {
  returnId: string;
  rmaNo: string;
  status: "RECEIVED" | "REJECTED";
  refundAmount: number;
  restocked: number;
  damaged: number;
  refused: number;
};

/**
 * Staff take the goods of a return at the counter (any store) or a warehouse and decide each
 * line: back on this node's shelf (RETURN movement through the stock engine), damaged (recorded,
 * not sellable) or refused with a reason. The refund due is fixed from what was accepted; a
 * return with every line refused is REJECTED. The return row is locked and must still be
 * REQUESTED, so a second press or a second member of staff changes nothing.
 */
export async function receiveReturn(
  db: Db,
  input: { actor: ReturnActor; receipt: ReceiveReturnInput; now?: Date },
): Promise<ReceivedReturn> {
  const receipt = parseInput(receiveReturnSchema, input.receipt);
  const now = input.now ?? new Date();
  const received = await withTransaction(db, (tx) =>
    receiveInTransaction(tx, input.actor, receipt, now),
  );
  if (received.restocked > 0) notifyStockChanged();
  return received;
}

export async function receiveInTransaction(
  tx: Tx,
  actor: ReturnActor,
  receipt: ReceiveReturnInput,
  now: Date,
): Promise<ReceivedReturn> {
  const nodeId = await receivingNodeFor(tx, actor, receipt.nodeId);
  const ret = await lockReturn(tx, receipt.returnId, "REQUESTED");
  const lines = await tx.returnLine.findMany({
    where: { returnId: ret.id },
    select: { id: true, orderLineId: true, quantity: true, orderLine: { select: { skuId: true } } },
  });
  const decisions = decideEveryLine(lines, receipt.lines);
  for (const line of lines) {
    const d = decisions.get(line.id)!;
    await tx.returnLine.update({
      where: { id: line.id },
      data: {
        condition:
          d.decision === "RESTOCK" ? "RESALABLE" : d.decision === "DAMAGED" ? "DAMAGED" : "REFUSED",
        refuseReason: d.decision === "REFUSE" ? (d.refuseReason ?? null) : null,
      },
    });
  }
  const restock = lines.filter((l) => decisions.get(l.id)!.decision === "RESTOCK");
  await restockUnits(tx, {
    lines: restock.map((l) => ({ nodeId, skuId: l.orderLine.skuId, quantity: l.quantity })),
    reason: "customer return, back on the shelf",
    documentType: "RETURN",
    documentId: ret.rmaNo,
    actorUserId: actor.id,
    now,
  });
  const accepted = lines.filter((l) => decisions.get(l.id)!.decision !== "REFUSE");
  const refundAmount = await refundDue(tx, ret, accepted);
  const status = accepted.length > 0 ? "RECEIVED" : "REJECTED";
  await tx.return.update({
    where: { id: ret.id },
    data: {
      status,
      receivingNodeId: nodeId,
      receivedById: actor.id,
      receivedAt: now,
      refundAmount,
    },
  });
  const units = (which: CounterDecision) =>
    lines
      .filter((l) => decisions.get(l.id)!.decision === which)
      .reduce((s, l) => s + l.quantity, 0);
  return {
    returnId: ret.id,
    rmaNo: ret.rmaNo,
    status,
    refundAmount,
    restocked: units("RESTOCK"),
    damaged: units("DAMAGED"),
    refused: units("REFUSE"),
  };
}

/** Every line of the return gets exactly one decision, and only lines of this return. */
function decideEveryLine(
  lines: readonly { id: string }[],
  wanted: ReceiveReturnInput["lines"],
): Map<string, ReceiveReturnInput["lines"][number]> {
  const ids = new Set(lines.map((l) => l.id));
  const decisions = new Map<string, ReceiveReturnInput["lines"][number]>();
  for (const d of wanted) {
    if (!ids.has(d.returnLineId))
      throw new AppError("NOT_FOUND", "That item is not on this return.", {
        details: { reason: "RETURN_LINE" },
      });
    decisions.set(d.returnLineId, d);
  }
  const missing = lines.find((l) => !decisions.has(l.id));
  if (missing)
    throw new AppError("INVALID_INPUT", "Decide every item of the return.", {
      fieldErrors: { [`lines.${missing.id}`]: [{ problem: "REQUIRED" }] },
      details: { reason: "NOTHING_CHOSEN" },
    });
  return decisions;
}

/** What the accepted units are worth to the buyer, capped by what is left to refund. */
async function refundDue(
  tx: Tx,
  ret: { id: string; orderId: string },
  accepted: readonly { orderLineId: string; quantity: number }[],
): Promise<number> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: ret.orderId },
    select: {
      shippingFee: true,
      pointsRedeemed: true,
      lines: { select: { id: true, quantity: true, lineTotal: true } },
      payments: {
        select: { provider: true, kind: true, status: true, amount: true, providerRef: true },
      },
    },
  });
  const earlier = await tx.returnLine.findMany({
    where: {
      returnId: { not: ret.id },
      return: { orderId: ret.orderId, status: { in: ["RECEIVED", "REFUNDED"] } },
      condition: { in: ["RESALABLE", "DAMAGED"] },
    },
    select: { orderLineId: true, quantity: true },
  });
  const plan = planRefund(order.payments);
  return refundForAccepted({
    order: {
      lines: order.lines.map((l) => ({
        orderLineId: l.id,
        quantity: l.quantity,
        lineTotal: l.lineTotal,
      })),
      pointsValue: order.pointsRedeemed * FEN_PER_POINT,
      shippingFee: order.shippingFee,
    },
    accepted,
    acceptedBefore: earlier,
    leftToRefund: plan.kind === "REFUND" ? plan.amount : 0,
  });
}
