import { z } from "zod";

/** Largest receipt one document may book. */
export const MAX_RECEIPT_QUANTITY = 1_000_000;

const id = z.string().trim().min(1, "Required.").max(200);

/** Input of a receipt or an inbound registration at one node. */
export const stockDocumentInputSchema = z.object({
  nodeId: id,
  skuId: id,
  quantity: z
    .number({ error: "Must be a number." })
    .int("Must be a whole number.")
    .positive("Must be at least 1.")
    .max(MAX_RECEIPT_QUANTITY, `At most ${MAX_RECEIPT_QUANTITY}.`),
  documentId: id,
});
export type StockDocumentInput = z.infer<typeof stockDocumentInputSchema>;
