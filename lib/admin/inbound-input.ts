import { z } from "zod";
import { MAX_RECEIPT_QUANTITY } from "@/lib/inventory/stock-document";

/** The admin's receipt of inbound goods: which SKU (by code), at which node, how many. */
export const receiveInboundSchema = z.object({
  skuCode: z.string().trim().min(1, "Required.").max(60),
  nodeId: z.string().trim().min(1, "Required.").max(200),
  quantity: z.coerce
    .number({ error: "Must be a number." })
    .int("Must be a whole number.")
    .positive("Must be at least 1.")
    .max(MAX_RECEIPT_QUANTITY, `At most ${MAX_RECEIPT_QUANTITY}.`),
});
export type ReceiveInboundInput = z.output<typeof receiveInboundSchema>;
