import { z } from "zod";
import { mergeLines } from "./facts";
import type { RoutingRequest } from "./types";

// Bounds that no real order reaches; they keep a malformed request from costing real work.
const MAX_LINES = 100;
const MAX_QUANTITY = 10_000;

/** The shape of a routing request; server actions may reuse it to validate their input. */
export const routingRequestSchema = z.object({
  lines: z
    .array(
      z.object({ skuId: z.string().min(1), quantity: z.number().int().min(1).max(MAX_QUANTITY) }),
    )
    .min(1)
    .max(MAX_LINES),
  method: z.enum(["PICKUP", "SAME_CITY", "EXPRESS"]),
  destination: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("store"), nodeId: z.string().min(1) }),
    z.object({
      kind: z.literal("point"),
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
    }),
  ]),
  excludedNodeIds: z.array(z.string()).optional(),
});

/** The request with repeated SKUs merged, or the first problem with it in words. */
export function validateRequest(
  request: RoutingRequest,
): { ok: true; request: RoutingRequest } | { ok: false; problem: string } {
  const parsed = routingRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `${issue?.path.join(".") || "request"}: ${issue?.message ?? "invalid"}`,
    };
  }
  if (request.method === "PICKUP" && request.destination.kind !== "store") {
    return { ok: false, problem: "destination: a pickup order needs a store" };
  }
  return { ok: true, request: { ...request, lines: mergeLines(request.lines) } };
}
