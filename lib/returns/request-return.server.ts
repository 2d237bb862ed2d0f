import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { withTransaction, type Db, type Tx } from "@/lib/db/transaction.server";
import { createReturn, type CreatedReturn } from "./create-return.server";
import { requestReturnSchema, type RequestReturnInput } from "./return-rules";

export type RequestedReturn = CreatedReturn;

/**
 * A shopper asks to return units of a delivered or collected order: online (status REQUESTED,
 * the parcel goes back by courier to a warehouse) or at any store (a return code to show there).
 * Someone else's order is NOT_FOUND, never a hint that it exists. Receiving the goods
 * (`receiveReturn`) and refunding (`refundReturn`) are separate steps.
 */
export async function requestReturn(
  db: Db,
  input: { userId: string; request: RequestReturnInput; now?: Date },
): Promise<RequestedReturn> {
  const request = parseInput(requestReturnSchema, input.request);
  const now = input.now ?? new Date();
  return retryOnCodeClash(() =>
    withTransaction(db, async (tx) => {
      const orderId = await ownOrderId(tx, input.userId, request.orderNo);
      const atStore = request.mode === "AT_STORE";
      return createReturn(tx, {
        orderId,
        atStore,
        withCode: atStore,
        reason: request.note ? `${request.reason}: ${request.note}` : request.reason,
        lines: request.lines,
        now,
      });
    }),
  );
}

async function ownOrderId(tx: Tx, userId: string, orderNo: string): Promise<string> {
  const order = await tx.order.findUnique({
    where: { orderNo },
    select: { id: true, userId: true },
  });
  if (!order || order.userId !== userId)
    throw new AppError("NOT_FOUND", "We could not find that order.", {
      details: { reason: "ORDER" },
    });
  return order.id;
}

/** A generated code or RMA number may collide with an existing one: try again with new ones. */
export async function retryOnCodeClash<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
