import type { ActionSpec } from "./action-table";
import { MAX_TRANSFER_LINES, MAX_TRANSFER_QUANTITY } from "@/lib/transfers/transfer-rules";
import { id, int, list, text } from "./input-shapes";

// No transfer is seeded, so a generated id names none that could be shipped, received or cancelled.
const transferId = text(64);

/** The fuzz entries of transfer orders in lib/transfers/actions.ts. */
export const TRANSFER_ACTIONS: Record<string, ActionSpec> = {
  "transfers/createTransferAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        fromNodeId: id("nodeIds"),
        toNodeId: id("nodeIds"),
        reason: text(500),
        lines: list(
          { skuCode: id("skuCodes"), quantity: int(1, MAX_TRANSFER_QUANTITY) },
          MAX_TRANSFER_LINES,
        ),
      },
    ],
  },
  "transfers/shipTransferAction": { callers: ["ADMIN"], shapes: [{ transferId }] },
  "transfers/receiveTransferAction": {
    callers: ["STORE_STAFF", "ADMIN"],
    shapes: [
      {
        transferId,
        lines: list(
          { lineId: text(64), receivedQty: int(0, MAX_TRANSFER_QUANTITY) },
          MAX_TRANSFER_LINES,
        ),
      },
    ],
  },
  "transfers/cancelTransferAction": { callers: ["ADMIN"], shapes: [{ transferId }] },
};
