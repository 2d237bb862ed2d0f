import { z } from "zod";
import { CHANNEL_LINE_REFUSAL_REASONS } from "@/lib/errors/error-details";
import { OrderStatus, PaymentStatus } from "@/lib/generated/prisma/enums";
import { CHANNEL_ORDER_EVENT_KINDS } from "@/lib/order-events/channel-order-event-kinds";

// What the channel API answers, as zod schemas: the OpenAPI document is generated from them
// (channel-api-openapi.ts), and the route tests parse real answers with them, so the document
// and the routes cannot drift apart.

const int = (description: string) => z.number().int().describe(description);
const fen = (description: string) => int(`${description} In fen.`);

export const lineRefusalSchema = z.object({
  line: int("The line's place in the order, from 0."),
  sku: z.string().describe("The SKU code or barcode the line sent."),
  reason: z.enum(CHANNEL_LINE_REFUSAL_REASONS),
  requested: int("Units the line asked for."),
  available: int(
    "The most the channel could take now (CHANNEL_SHORT, NO_NODE, PRESALE_CAP).",
  ).optional(),
});

export const channelOrderReceiptSchema = z.object({
  channel: z.string().describe("The channel code."),
  channelOrderId: z.string().describe("The marketplace's order id, as sent."),
  orderNo: z.string().describe("OnePool's order number: the same for every resend."),
  status: z.enum(OrderStatus),
  paymentStatus: z.enum(PaymentStatus),
  total: fen("What the order comes to."),
  created: z.boolean().describe("False for a resend: nothing changed."),
  lines: z.array(
    z.object({
      sku: z.string().describe("SKU code."),
      quantity: int("Units."),
      unitPrice: fen("Paid per unit."),
    }),
  ),
  refused: z.array(lineRefusalSchema).describe("Lines left out by partial acceptance."),
  holdExpiresAt: z.iso
    .datetime()
    .nullable()
    .describe(
      "When an unpaid order gives its stock back unless it is sent again marked paid (the channel's unpaid hold); null once paid.",
    ),
});

export const refusalSchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe(
        "UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, INVALID_INPUT, OUT_OF_STOCK, UNDELIVERABLE, CONFLICT…",
      ),
    message: z.string().describe("English, for logs."),
    details: z
      .looseObject({
        reason: z.string(),
        lines: z.array(lineRefusalSchema).optional(),
        orderNo: z.string().optional(),
      })
      .describe(
        "The facts, by `reason`: ORDER_LINES carries `lines`; CHANNEL_ORDER_ID the existing `orderNo`; ADDRESS_UNPLACEABLE the `city`; BODY_TOO_LARGE `limitBytes`; OWN_STOREFRONT the `channelCode`.",
      )
      .optional(),
    fieldErrors: z
      .record(z.string(), z.unknown())
      .describe("Problems per field path, e.g. `lines.0.quantity`.")
      .optional(),
  }),
});

export const orderEventPageSchema = z.object({
  channel: z.string().describe("The channel code."),
  cursor: int("Pass as `since` to continue."),
  hasMore: z.boolean(),
  events: z.array(
    z.object({
      id: int("Grows in commit order: reading `id > since` never skips an event."),
      channelOrderId: z.string().describe("The marketplace's order id."),
      orderNo: z.string().describe("OnePool's order number."),
      kind: z.enum(CHANNEL_ORDER_EVENT_KINDS),
      courierName: z.string().nullable().describe("SHIPPED: the courier."),
      trackingNo: z.string().nullable().describe("SHIPPED: the tracking number."),
      amount: int("REFUNDED: fen given back.").nullable(),
      at: z.iso.datetime(),
    }),
  ),
});

export const stockFeedSchema = z
  .union([
    z.object({
      channel: z.string(),
      cursor: int("Pass as `since` to read the changes after this snapshot."),
      generatedAt: z.iso.datetime(),
      items: z.array(
        z.object({
          skuCode: z.string(),
          ats: int("Units the channel may sell now."),
          updatedAt: z.iso.datetime(),
        }),
      ),
    }),
    z.object({
      channel: z.string(),
      cursor: int("Pass as `since` to continue."),
      hasMore: z.boolean(),
      events: z.array(
        z.object({
          id: int("Grows in commit order."),
          skuCode: z.string(),
          ats: int("The channel's new available-to-sell."),
          cause: z.string(),
          at: z.iso.datetime(),
        }),
      ),
    }),
  ])
  .describe("Without `since`: the snapshot; with it: a page of changes.");

export type ChannelOrderReceiptBody = z.infer<typeof channelOrderReceiptSchema>;
export type OrderEventPageBody = z.infer<typeof orderEventPageSchema>;
