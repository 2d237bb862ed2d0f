import fc from "fast-check";
import type { ActionSpec } from "./action-table";
import { COUNTER_DECISIONS, RETURN_REASONS } from "@/lib/returns/return-rules";
import { id, int, list, oneOf, pattern, text } from "./input-shapes";

const COUNTER = ["STORE_STAFF", "ADMIN"] as const;
const counterQuery = fc.constantFrom(
  "ABCDEFGH",
  "abcd efgh",
  "RMA20261206000001",
  "OP261206ABCDEF",
);
const contact = fc.constantFrom("13800138000", "+86 138-0013-8000", "consumer@onepool.dev");
// No return is seeded, so a generated id names none that could be received or refunded.
const returnId = text(64);

/** The fuzz entries of the returns counter in lib/returns/actions.ts. */
export const RETURN_ACTIONS: Record<string, ActionSpec> = {
  "returns/findReturnAction": {
    callers: COUNTER,
    shapes: [
      { query: pattern(counterQuery) },
      { query: id("orderNos"), contact: pattern(contact) },
    ],
    readOnly: true,
  },
  "returns/receiveReturnAction": {
    callers: COUNTER,
    shapes: [
      {
        returnId,
        nodeId: id("nodeIds"),
        lines: list(
          { returnLineId: text(64), decision: oneOf(COUNTER_DECISIONS), refuseReason: text(300) },
          100,
        ),
      },
    ],
  },
  "returns/walkInReturnAction": {
    callers: ["STORE_STAFF"],
    shapes: [
      {
        orderNo: id("orderNos"),
        contact: pattern(contact),
        reason: oneOf(RETURN_REASONS),
        lines: list(
          {
            orderLineId: id("orderLineIds"),
            quantity: int(0, 999),
            decision: oneOf(COUNTER_DECISIONS),
            refuseReason: text(300),
          },
          100,
        ),
      },
    ],
  },
  "returns/refundReturnAction": { callers: COUNTER, shapes: [{ returnId }] },
};
