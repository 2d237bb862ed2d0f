import { z } from "zod";
import { CHANNEL_ORDER_EVENT_KINDS } from "@/lib/order-events/channel-order-event-kinds";
import { channelOrderBodySchema } from "./channel-order-input";

// The channel API (stock feed, order intake, order events) as an OpenAPI 3.1 document for
// marketplace connector builders. The order body is generated from the very zod schema the
// route validates with, so the document cannot drift from what is accepted.

type Schema = Record<string, unknown>;

const int = (description: string): Schema => ({ type: "integer", description });
const str = (description: string): Schema => ({ type: "string", description });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: "null" }] });
const object = (properties: Record<string, Schema>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const REFUSAL_REASONS = [
  "UNKNOWN_SKU",
  "NOT_SOLD",
  "DUPLICATE_SKU",
  "CHANNEL_SHORT",
  "NO_NODE",
  "PRESALE_CAP",
];

const schemas: Record<string, Schema> = {
  ChannelOrder: (() => {
    const { $schema: _draft, ...body } = z.toJSONSchema(channelOrderBodySchema, { io: "input" });
    return body;
  })(),
  LineRefusal: object(
    {
      line: int("The line's place in the order, from 0."),
      sku: str("The SKU code or barcode the line sent."),
      reason: { type: "string", enum: REFUSAL_REASONS },
      requested: int("Units the line asked for."),
      available: int("The most the channel could take now (CHANNEL_SHORT, NO_NODE, PRESALE_CAP)."),
    },
    ["line", "sku", "reason", "requested"],
  ),
  ChannelOrderReceipt: object({
    channel: str("The channel code."),
    channelOrderId: str("The marketplace's order id, as sent."),
    orderNo: str("OnePool's order number: the same for every resend."),
    status: {
      type: "string",
      enum: ["PENDING_PAYMENT", "PAID", "IN_FULFILMENT", "COMPLETED", "CANCELLED"],
    },
    paymentStatus: {
      type: "string",
      enum: ["PENDING", "PAID", "REFUNDED", "PARTIALLY_REFUNDED", "FAILED"],
    },
    total: int("What the order comes to, in fen."),
    created: { type: "boolean", description: "False for a resend: nothing changed." },
    lines: {
      type: "array",
      items: object({ sku: str("SKU code."), quantity: int("Units."), unitPrice: int("Fen.") }),
    },
    refused: {
      type: "array",
      items: ref("LineRefusal"),
      description: "Lines left out by partial acceptance.",
    },
    holdExpiresAt: {
      type: ["string", "null"],
      format: "date-time",
      description:
        "When an unpaid order gives its stock back unless it is sent again marked paid (the channel's unpaid hold); null once paid.",
    },
  }),
  Refusal: object({
    error: object(
      {
        code: str(
          "UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, OUT_OF_STOCK, UNDELIVERABLE, CONFLICT…",
        ),
        message: str("English, for logs."),
        details: {
          type: "object",
          description:
            "The facts, by `reason`: ORDER_LINES carries `lines` (LineRefusal[]); CHANNEL_ORDER_ID the existing `orderNo`; ADDRESS_UNPLACEABLE the `city`; BODY_TOO_LARGE `limitBytes`.",
          properties: {
            reason: { type: "string" },
            lines: { type: "array", items: ref("LineRefusal") },
            orderNo: { type: "string" },
          },
        },
        fieldErrors: {
          type: "object",
          description: "Problems per field path, e.g. `lines.0.quantity`.",
        },
      },
      ["code", "message"],
    ),
  }),
  OrderEventPage: object({
    channel: str("The channel code."),
    cursor: int("Pass as `since` to continue."),
    hasMore: { type: "boolean" },
    events: {
      type: "array",
      items: object({
        id: int("Grows in commit order: reading `id > since` never skips an event."),
        channelOrderId: str("The marketplace's order id."),
        orderNo: str("OnePool's order number."),
        kind: { type: "string", enum: [...CHANNEL_ORDER_EVENT_KINDS] },
        courierName: nullable(str("SHIPPED: the courier.")),
        trackingNo: nullable(str("SHIPPED: the tracking number.")),
        amount: nullable(int("REFUNDED: fen given back.")),
        at: { type: "string", format: "date-time" },
      }),
    },
  }),
  StockFeed: {
    description:
      "Without `since`: the snapshot `{channel, cursor, generatedAt, items[{skuCode, ats, updatedAt}]}`; with it: `{channel, cursor, hasMore, events[{id, skuCode, ats, cause, at}]}`.",
    type: "object",
  },
};

const code = {
  name: "code",
  in: "path",
  required: true,
  schema: { type: "string" },
  description: "Channel code, e.g. TMALL.",
};
const cursorParams = [
  code,
  {
    name: "since",
    in: "query",
    schema: { type: "integer", minimum: 0 },
    description: "Continue after this event id.",
  },
  { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } },
];
const refusal = (description: string) => json(ref("Refusal"), description);
const authRefusals = {
  "400": refusal("Not a valid request (field errors, or ORDER_LINES / BODY_TOO_LARGE)."),
  "401": refusal("No token, or a token of no channel."),
  "403": refusal("Another channel's token."),
  "404": refusal("No such channel (or, for an order, pickup store)."),
};

/** The channel API as an OpenAPI 3.1 document. */
export function channelApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "OnePool channel API",
      version: "1",
      description:
        "For marketplace connectors: the channel's stock feed, its order intake and its order events. Each channel has one bearer token.",
    },
    security: [{ channelToken: [] }],
    components: {
      securitySchemes: { channelToken: { type: "http", scheme: "bearer" } },
      schemas,
    },
    paths: {
      "/api/channels/{code}/stock": {
        get: {
          summary:
            "The channel's available-to-sell per SKU: a snapshot, or the changes after a cursor.",
          parameters: cursorParams,
          responses: {
            "200": json(ref("StockFeed"), "The snapshot or a page of changes."),
            ...authRefusals,
          },
        },
      },
      "/api/channels/{code}/orders": {
        post: {
          summary:
            "Place the channel's order. The channel's order id is unique per channel: a resend answers the same order.",
          parameters: [code],
          requestBody: {
            required: true,
            ...json(ref("ChannelOrder"), "At most 1 MB. Prices in whole fen."),
          },
          responses: {
            "201": json(ref("ChannelOrderReceipt"), "Placed."),
            "200": json(ref("ChannelOrderReceipt"), "A resend of an order placed before."),
            ...authRefusals,
            "409": refusal(
              "OUT_OF_STOCK / ORDER_LINES with a reason per line, or CONFLICT / CHANNEL_ORDER_ID: the id names an order with other lines. Nothing was reserved.",
            ),
            "422": refusal(
              "UNDELIVERABLE: no node can place the address or serve the method there.",
            ),
          },
        },
      },
      "/api/channels/{code}/order-events": {
        get: {
          summary:
            "What happened to the channel's orders, after a cursor (from the start without one).",
          parameters: cursorParams,
          responses: { "200": json(ref("OrderEventPage"), "A page of events."), ...authRefusals },
        },
      },
    },
  };
}
