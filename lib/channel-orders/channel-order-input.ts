import { z } from "zod";
import { MAX_FEN, METHODS, ORDER_LIMITS } from "@/lib/orders/order-input";

/**
 * Channels whose orders the brand's own shops take (the web store, the employee store), with
 * their own holds and checkout: they do not post orders through the order API.
 */
const OWN_STOREFRONT_KINDS: ReadonlySet<string> = new Set(["WEB", "EMPLOYEE"]);

/** Whether a channel of this kind sends its orders through the order API (a marketplace, the mini-program, live clearance). */
export function takesOrdersThroughApi(kind: string): boolean {
  return !OWN_STOREFRONT_KINDS.has(kind);
}

/** A marketplace order body larger than this is refused before it is parsed. */
export const CHANNEL_ORDER_BODY_LIMIT_BYTES = 1024 * 1024;

/** Bounds of a channel's unpaid hold: long enough for a marketplace's payment, short enough not to park stock. */
export const UNPAID_HOLD_MINUTES = { min: 5, max: 1440 } as const;

const text = (max: number) => z.string().trim().min(1, "Required.").max(max);

/** An amount in fen: whole, never negative, never a float. */
const fen = z
  .number({ error: "Must be a number." })
  .int("Whole fen only.")
  .min(0, "Must be at least 0.")
  .max(MAX_FEN, `At most ${MAX_FEN}.`);

const lineSchema = z
  .object({
    /** The SKU code, or else the barcode, as the channel lists the item. */
    sku: text(64).optional(),
    barcode: text(64).optional(),
    quantity: z
      .number({ error: "Must be a number." })
      .int("Must be a whole number.")
      .min(1, "Must be at least 1.")
      .max(ORDER_LIMITS.unitsPerLine, `At most ${ORDER_LIMITS.unitsPerLine}.`),
    /** What the customer paid per unit, in fen. */
    unitPrice: fen,
  })
  .refine((l) => (l.sku === undefined) !== (l.barcode === undefined), {
    path: ["sku"],
    message: "Give the SKU code or the barcode, one of them.",
  });

const addressSchema = z
  .object({
    addressLine: z.string().trim().min(3, "Enter the street and number.").max(300),
    city: text(100),
    district: text(100).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .refine((a) => (a.latitude === undefined) === (a.longitude === undefined), {
    path: ["latitude"],
    message: "Give both coordinates or neither.",
  });

/** The body a connector posts to `/api/channels/<code>/orders` (documented as OpenAPI). */
export const channelOrderBodySchema = z.object({
  /** The marketplace's own order id: one OnePool order per channel and id. */
  channelOrderId: z
    .string()
    .trim()
    .min(1, "Required.")
    .max(100, "At most 100 characters.")
    .regex(/^[\x21-\x7e]+$/, "Printable ASCII without spaces."),
  lines: z
    .array(lineSchema)
    .min(1, "The order has no lines.")
    .max(ORDER_LIMITS.lines, `At most ${ORDER_LIMITS.lines} lines.`),
  shippingFee: fen.default(0),
  buyer: z.object({
    name: text(100),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{5,20}$/, "Enter a phone number.")
      .optional(),
  }),
  method: z.enum(METHODS),
  address: addressSchema.optional(),
  /** The store the customer collects from (PICKUP), by its node code. */
  pickupStoreCode: text(50).optional(),
  paid: z.boolean({ error: "Must be true or false." }),
});

/** A marketplace order: the body with the channel code from the path. */
export const channelOrderSchema = channelOrderBodySchema
  .extend({ code: text(50) })
  .superRefine((order, ctx) => {
    if (order.method === "PICKUP" && order.pickupStoreCode === undefined)
      ctx.addIssue({ code: "custom", path: ["pickupStoreCode"], message: "Pickup needs a store." });
    if (order.method !== "PICKUP" && order.address === undefined)
      ctx.addIssue({ code: "custom", path: ["address"], message: "Delivery needs an address." });
  });

export type ChannelOrderInput = z.input<typeof channelOrderSchema>;
export type ChannelOrder = z.output<typeof channelOrderSchema>;
export type ChannelOrderLine = ChannelOrder["lines"][number];

/** The SKU code or barcode a line names the item by. */
export function lineSkuRef(line: Pick<ChannelOrderLine, "sku" | "barcode">): string {
  return line.sku ?? line.barcode ?? "";
}

/**
 * An admin setting how a channel's orders are taken (partial acceptance, how long an unpaid
 * order holds its stock), from the channel version they opened.
 */
export const intakeSettingsInputSchema = z.object({
  channelCode: z.string().trim().min(1).max(50),
  acceptsPartialOrders: z.boolean({ error: "Must be true or false." }),
  unpaidHoldMinutes: z.coerce
    .number({ error: "Must be a number." })
    .int("Whole minutes only.")
    .min(UNPAID_HOLD_MINUTES.min, `At least ${UNPAID_HOLD_MINUTES.min} minutes.`)
    .max(UNPAID_HOLD_MINUTES.max, `At most ${UNPAID_HOLD_MINUTES.max} minutes (a day).`),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});
