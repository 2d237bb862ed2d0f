import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import type { CandidateExplanation, PlanSummary } from "@/lib/routing/explain";
import type { MessagePart } from "@/lib/routing/types";
import { orderMoney } from "./order-money";

/** A stored routing run, with its JSON columns given their shapes back. */
export type StoredDecision = {
  id: string;
  attempt: number;
  method: string;
  createdAt: Date;
  explanation: string;
  summaryParts: MessagePart[];
  refusalCode: string | null;
  candidates: CandidateExplanation[];
  plan: { plan: PlanSummary | null; runnerUp: PlanSummary | null; costFen: number | null } | null;
  fulfilmentOrderIds: string[];
};

/**
 * One order as HQ sees it: lines, its money as one consistent statement (lib/admin/order-money),
 * fulfilment orders with their event log, every routing run.
 */
export async function getOrderDetail(db: Db, orderNo: string) {
  const order = await db.order.findUnique({
    where: { orderNo },
    include: {
      channel: { select: { code: true, name: true, nameZh: true } },
      pickupNode: { select: { code: true, name: true, nameZh: true } },
      lines: {
        include: { sku: { include: { product: { select: { name: true, nameZh: true } } } } },
      },
      fulfilmentOrders: {
        orderBy: { createdAt: "asc" },
        include: {
          node: { select: { code: true, name: true, nameZh: true } },
          shipToNode: { select: { code: true, name: true, nameZh: true } },
          lines: { include: { sku: { select: { skuCode: true } } } },
          events: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
        },
      },
      routingDecisions: {
        orderBy: { attempt: "asc" },
        include: { fulfilmentOrders: { select: { id: true } } },
      },
    },
  });
  if (!order) return null;
  const decisions: StoredDecision[] = order.routingDecisions.map((d) => ({
    id: d.id,
    attempt: d.attempt,
    method: d.method,
    createdAt: d.createdAt,
    explanation: d.explanation,
    summaryParts: (d.summaryParts ?? []) as unknown as MessagePart[],
    refusalCode: d.refusalCode,
    candidates: d.candidates as unknown as CandidateExplanation[],
    plan: d.plan as unknown as StoredDecision["plan"],
    fulfilmentOrderIds: d.fulfilmentOrders.map((f) => f.id),
  }));
  return { ...order, decisions, money: orderMoney(order) };
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;
