import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  channelOrderReceiptSchema,
  orderEventPageSchema,
  refusalSchema,
  stockFeedSchema,
} from "./channel-api-schemas";
import { channelOrderBodySchema } from "./channel-order-input";

// The channel API (stock feed, order intake, order events) as an OpenAPI 3.1 document for
// marketplace connector builders, generated from zod schemas: the order body is the very schema
// the route validates with, and the answers are the schemas the route tests parse real answers
// with, so the document cannot drift from what the routes do.

// Registering a schema as a named component needs zod's `.openapi()`, which zod gives only to
// schemas made after this call: the imported ones are registered as clones made below. Only
// the document's writer and its test load this module; the routes never do.
extendZodWithOpenApi(z);

const code = z.string().describe("Channel code, e.g. TMALL.");
const cursorQuery = z.object({
  since: z.number().int().min(0).optional().describe("Continue after this event id."),
  limit: z.number().int().min(1).max(1000).optional().describe("At most this many events."),
});

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

function registry(): OpenAPIRegistry {
  const r = new OpenAPIRegistry();
  const bearer = r.registerComponent("securitySchemes", "channelToken", {
    type: "http",
    scheme: "bearer",
  });
  const security = [{ [bearer.name]: [] }];
  const body = r.register("ChannelOrder", channelOrderBodySchema.clone());
  const receipt = r.register("ChannelOrderReceipt", channelOrderReceiptSchema.clone());
  const refusalBody = r.register("Refusal", refusalSchema.clone());
  const refusal = (description: string) => json(refusalBody, description);
  const authRefusals = {
    400: refusal("Not a valid request (field errors, or ORDER_LINES / BODY_TOO_LARGE)."),
    401: refusal("No token, or a token of no channel."),
    403: refusal(
      "Another channel's token, or a channel whose orders the brand's own shops take (OWN_STOREFRONT).",
    ),
    404: refusal("No such channel (or, for an order, pickup store)."),
  };
  const events = r.register("OrderEventPage", orderEventPageSchema.clone());
  const feed = r.register("StockFeed", stockFeedSchema.clone());
  r.registerPath({
    method: "get",
    path: "/api/channels/{code}/stock",
    summary: "The channel's available-to-sell per SKU: a snapshot, or the changes after a cursor.",
    security,
    request: { params: z.object({ code }), query: cursorQuery },
    responses: { 200: json(feed, "The snapshot or a page of changes."), ...authRefusals },
  });
  r.registerPath({
    method: "post",
    path: "/api/channels/{code}/orders",
    summary:
      "Place the channel's order. The channel's order id is unique per channel: a resend answers the same order.",
    security,
    request: {
      params: z.object({ code }),
      body: { required: true, ...json(body, "At most 1 MB. Prices in whole fen.") },
    },
    responses: {
      201: json(receipt, "Placed."),
      200: json(receipt, "A resend of an order placed before."),
      ...authRefusals,
      409: refusal(
        "OUT_OF_STOCK / ORDER_LINES with a reason per line, or CONFLICT / CHANNEL_ORDER_ID: the id names an order with other lines. Nothing was reserved.",
      ),
      422: refusal("UNDELIVERABLE: no node can place the address or serve the method there."),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/channels/{code}/order-events",
    summary: "What happened to the channel's orders, after a cursor (from the start without one).",
    security,
    request: { params: z.object({ code }), query: cursorQuery },
    responses: { 200: json(events, "A page of events."), ...authRefusals },
  });
  return r;
}

/** The channel API as an OpenAPI 3.1 document. */
export function channelApiDocument() {
  return new OpenApiGeneratorV31(registry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "OnePool channel API",
      version: "1",
      description:
        "For marketplace connectors: the channel's stock feed, its order intake and its order events. Each channel has one bearer token.",
    },
    security: [{ channelToken: [] }],
  });
}
