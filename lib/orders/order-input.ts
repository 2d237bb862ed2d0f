import { z } from "zod";

const id = z.string().trim().min(1, "Required.").max(200);

/** At most this many distinct lines and units per line in one order. */
export const ORDER_LIMITS = { lines: 50, unitsPerLine: 99 } as const;

export const orderLineSchema = z.object({
  skuId: id,
  quantity: z
    .number({ error: "Must be a number." })
    .int("Must be a whole number.")
    .min(1, "Must be at least 1.")
    .max(ORDER_LIMITS.unitsPerLine, `At most ${ORDER_LIMITS.unitsPerLine}.`),
});

export const orderLinesSchema = z
  .array(orderLineSchema)
  .min(1, "The order has no lines.")
  .max(ORDER_LIMITS.lines, `At most ${ORDER_LIMITS.lines} lines.`)
  .refine((lines) => new Set(lines.map((l) => l.skuId)).size === lines.length, "Each SKU once.");

export const destinationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("store"), nodeId: id }),
  z.object({
    kind: z.literal("address"),
    addressLine: z.string().trim().min(3, "Enter the street and number.").max(300),
    city: z.string().trim().min(1, "Required.").max(100),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
]);
export type OrderDestination = z.infer<typeof destinationSchema>;

export const buyerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("MEMBER"), userId: id }),
  z.object({ kind: z.literal("EMPLOYEE"), userId: id }),
  z.object({ kind: z.literal("WALK_IN"), guideUserId: id }),
  /** A marketplace's customer: the channel sent the order (lib/channel-orders). */
  z.object({ kind: z.literal("MARKETPLACE") }),
]);
export type OrderBuyer = z.infer<typeof buyerSchema>;

export const METHODS = ["PICKUP", "SAME_CITY", "EXPRESS"] as const;

/** The largest amount in fen an order carries per price (10 million yuan). */
export const MAX_FEN = 1_000_000_000;

export const placeOrderSchema = z
  .object({
    channelCode: z.string().trim().min(1).max(50),
    buyer: buyerSchema,
    lines: orderLinesSchema,
    method: z.enum(METHODS),
    destination: destinationSchema,
    contact: z.object({
      name: z.string().trim().min(1, "Required.").max(100),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 -]{5,20}$/, "Enter a phone number.")
        .optional(),
    }),
    couponCode: z.string().trim().min(1).max(50).optional(),
    pointsToRedeem: z.number().int().min(0).max(10_000_000).optional(),
    paymentProvider: z.enum(["STRIPE", "DEMO", "IN_STORE", "CHANNEL"]),
    idempotencyKey: z.string().trim().min(8, "Too short.").max(200),
    holdMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .optional(),
    /** The marketplace's own order id, unique per channel (a marketplace order only). */
    channelOrderId: z.string().trim().min(1).max(100).optional(),
    /** What the marketplace charged, in fen: unit price per SKU id and the shipping fee. */
    channelPricing: z
      .object({
        unitPrices: z.record(id, z.number().int().min(0).max(MAX_FEN)),
        shippingFee: z.number().int().min(0).max(MAX_FEN),
      })
      .optional(),
  })
  .superRefine((input, ctx) => {
    const marketplace = input.buyer.kind === "MARKETPLACE";
    if (marketplace !== (input.channelOrderId !== undefined))
      ctx.addIssue({
        code: "custom",
        path: ["channelOrderId"],
        message: "A marketplace order, and only one, carries the channel's order id.",
      });
    if (marketplace !== (input.channelPricing !== undefined))
      ctx.addIssue({
        code: "custom",
        path: ["channelPricing"],
        message: "A marketplace order, and only one, carries the channel's prices.",
      });
    if (
      input.channelPricing &&
      input.lines.some((l) => !(l.skuId in input.channelPricing!.unitPrices))
    )
      ctx.addIssue({
        code: "custom",
        path: ["channelPricing", "unitPrices"],
        message: "Every line needs its price.",
      });
    if (input.method === "PICKUP" && input.destination.kind !== "store")
      ctx.addIssue({ code: "custom", path: ["destination"], message: "Pickup needs a store." });
    if (input.method !== "PICKUP" && input.destination.kind !== "address")
      ctx.addIssue({
        code: "custom",
        path: ["destination"],
        message: "Delivery needs an address.",
      });
    if (input.couponCode && input.buyer.kind !== "MEMBER")
      ctx.addIssue({ code: "custom", path: ["couponCode"], message: "Coupons are for members." });
    if (input.pointsToRedeem && input.buyer.kind !== "MEMBER")
      ctx.addIssue({
        code: "custom",
        path: ["pointsToRedeem"],
        message: "Points are for members.",
      });
  });
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;
export type ParsedOrder = z.output<typeof placeOrderSchema>;
