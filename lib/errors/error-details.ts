// The facts each refusal carries, by code and then by `reason`. Pages word a refusal from these
// facts in the reader's language; the English `message` of an AppError is for logs and machine
// clients only. Shapes are written out here rather than imported, so that this shared layer
// depends on no domain: a domain's own richer type (lib/routing's SkuAvailability…) fits them.

/** Where routing found each SKU, for a refusal that says what is available where. */
export type RoutingAvailability = {
  skuId: string;
  requested: number;
  /** Units the eligible nodes together could send, when routing worked it out. */
  eligibleTotal?: number;
  /** The item as the shopper knows it, added by the use case that loaded the SKUs. */
  item?: ItemNaming;
  nodes: readonly {
    nodeId: string;
    code: string;
    name: string;
    /** The node's Chinese name, added by the use case with the item. */
    nameZh?: string;
    quantity: number;
  }[];
};

/** A routing sentence as a catalogue key and its parameters (lib/routing's MessagePart). */
export type RoutingSentence = { key: string; params: Readonly<Record<string, unknown>> };

/** A routing refusal: routing's reason, its sentences, what is where, and what to offer instead. */
type RoutingFacts<R extends string> = {
  reason: R;
  messageParts: readonly RoutingSentence[];
  availability: readonly RoutingAvailability[];
  alternatives: readonly { kind: string; message: RoutingSentence }[];
};

/** A reservation refused for lack of stock, with what the request could get instead. */
export type ShortfallDetails = NamedIfKnown & {
  /** CHANNEL: the channel's allocation is short; STOCK: no eligible node has the units. */
  reason: "CHANNEL" | "STOCK";
  skuId: string;
  channelId: string;
  requested: number;
  /** The most this request could get now. */
  available: number;
  channelAts?: number;
  nodeAvailable?: number;
  poolAvailable?: number;
  /** Set when the Redis stock gate refused before the database was asked. */
  gate?: "redis";
};

/** An item as the shopper knows it: product name, colour and size, in both languages. */
export type ItemNaming = {
  product: string;
  productZh: string;
  colour: string;
  colourZh: string;
  size: string;
};

/**
 * The naming of a refusal about one item where the throw site may not know it: the stock
 * engine does not look names up under load, so the use case that loaded the SKU adds it
 * (lib/orders/name-refused-items.server.ts). Pages name the item whenever all of it is there.
 */
export type NamedIfKnown = Partial<ItemNaming>;

/** A bundle refused because one of its components lacks stock; names that component. */
export type BundleComponentShortfall = {
  reason: "BUNDLE_COMPONENT";
  /** The bundle SKU. */
  skuId: string;
  componentSkuId: string;
  /** Units of the component the order needs, and how many the channel can take now. */
  requested: number;
  available: number;
  bundle: string;
  bundleZh: string;
} & ItemNaming;

/** Why a line of a marketplace order is refused (see ChannelLineRefusal). */
export const CHANNEL_LINE_REFUSAL_REASONS = [
  "UNKNOWN_SKU",
  "NOT_SOLD",
  "DUPLICATE_SKU",
  "CHANNEL_SHORT",
  "NO_NODE",
  "PRESALE_CAP",
] as const;

/**
 * One line of a marketplace order that cannot be accepted, by its place in the order (from 0)
 * and the SKU code or barcode the channel sent. UNKNOWN_SKU: no such SKU; NOT_SOLD: the channel's
 * allocation does not list it; DUPLICATE_SKU: an earlier line has the same SKU; CHANNEL_SHORT:
 * above the channel's available-to-sell; NO_NODE: no node can send it for this method and place;
 * PRESALE_CAP: a presale SKU above what its presale cap has left.
 */
export type ChannelLineRefusal = {
  line: number;
  sku: string;
  reason: (typeof CHANNEL_LINE_REFUSAL_REASONS)[number];
  requested: number;
  /** The most the channel could take now (CHANNEL_SHORT, NO_NODE, PRESALE_CAP). */
  available?: number;
};

/** A reservation whose state does not allow the step (closed, or its hold ran out). */
type ReservationStateDetails = {
  reason: "RESERVATION";
  reservationId: string;
  status: string;
  kind: string;
};

/** Why a coupon cannot be claimed or used. */
export type CouponRefusalDetails =
  | { reason: "NOT_CLAIMED" }
  | { reason: "USED" }
  | { reason: "SOLD_OUT" }
  | { reason: "LIMIT_REACHED"; perMemberLimit: number }
  | { reason: "EXPIRED" }
  | { reason: "NOT_YET_VALID" }
  | MinSpendDetails;

type MinSpendDetails = { reason: "MIN_SPEND_NOT_MET"; minSpend: number; subtotal: number };

/** Retry-after, in whole seconds, of a refusal by a rate limiter. */
type RetryAfter = { retryAfterSeconds: number };

/** The details shapes of each code; a code without details maps to `never`. */
export type DetailsByCode = {
  UNAUTHENTICATED: { reason: "BAD_CREDENTIALS" };
  FORBIDDEN:
    | { reason: "OTHER_STORE" }
    | { reason: "STORE_STAFF_ONLY" }
    | { reason: "MEMBERS_ONLY" }
    | { reason: "NOT_EMPLOYEE" }
    | { reason: "EMPLOYEE_CHANNEL_ONLY" }
    | { reason: "EMPLOYEE_DISABLED" }
    | { reason: "SHOPPERS_ONLY" }
    | { reason: "DEMO_PAYMENTS_OFF" }
    /** The order API is for channels whose orders come from elsewhere (marketplaces). */
    | { reason: "OWN_STOREFRONT"; channelCode: string }
    | { reason: "OTHER_ORGANIZATION" }
    | { reason: "ADMIN_ONLY" };
  NOT_FOUND:
    | { reason: "SKU"; skuId: string }
    | { reason: "ITEMS"; skuIds: readonly string[] }
    | { reason: "CHANNEL"; channelId?: string; channelCode?: string }
    | { reason: "NODE"; nodeIds: readonly string[] }
    | { reason: "RESERVATION"; reservationId?: string; groupId?: string }
    | { reason: "ORDER" }
    | { reason: "ORDER_LINE" }
    | { reason: "CART_ITEM" }
    | { reason: "PRODUCT" }
    | { reason: "SHOP_CLOSED" }
    | { reason: "MEMBERSHIP" }
    | { reason: "EMPLOYEE" }
    | { reason: "ACCOUNT" }
    | { reason: "STORE" }
    | { reason: "TASK" }
    | { reason: "TASK_LINE"; lineId: string }
    | { reason: "PICKUP_CODE" }
    | { reason: "NOT_CLAIMED" }
    | { reason: "QUOTA_POLICY" }
    | { reason: "ALLOCATION_POLICY" }
    | { reason: "TIER_RULE" }
    | { reason: "SKU_CODE"; skuCode: string }
    | { reason: "ORGANIZATION" }
    | { reason: "RETURN" }
    | { reason: "RETURN_LINE" }
    | { reason: "CATEGORY" }
    | { reason: "SETTLEMENT_RATE" }
    | { reason: "TRANSFER" }
    | { reason: "TRANSFER_LINE"; lineId: string }
    | RoutingFacts<"UNKNOWN_STORE">;
  INVALID_INPUT:
    | ({ reason: "IS_BUNDLE" } & NamedIfKnown)
    | ({ reason: "NOT_BUNDLE" } & NamedIfKnown)
    | { reason: "PAID_AMOUNT"; paid: number; total: number }
    | { reason: "REFUND_ABOVE_PAID"; refundable: number }
    | { reason: "NOT_A_WAREHOUSE" }
    | { reason: "SAME_ITEM" }
    | { reason: "REJECT_REASON"; minimum: number; maximum: number }
    | { reason: "PICKUP_CODE_FORMAT" }
    | { reason: "WRONG_PICKUP_CODE"; attemptsLeft: number }
    | { reason: "BARCODE_NOT_ON_TASK" }
    | ({ reason: "ABOVE_ORDERED"; ordered: number } & NamedIfKnown)
    | { reason: "STORE_REQUIRED" }
    | { reason: "ADDRESS_REQUIRED" }
    | { reason: "CART_EMPTY" }
    | ({ reason: "NOT_SOLD_ONLINE"; skuId: string } & NamedIfKnown)
    | ({ reason: "NOT_IN_EMPLOYEE_STORE"; skuId: string } & NamedIfKnown)
    | { reason: "LINE_LIMIT"; max: number }
    | { reason: "POINTS_ABOVE_AVAILABLE"; available: number; balance: number }
    | { reason: "NOTHING_CHOSEN" }
    | ({ reason: "ABOVE_RETURNABLE"; orderLineId: string; returnable: number } & NamedIfKnown)
    | { reason: "EXPIRED" }
    | { reason: "NOT_YET_VALID" }
    | MinSpendDetails
    | { reason: "ROUTING_RULES"; method: string; row: number }
    | { reason: "RATIO_SUM"; totalPercent: number }
    | { reason: "EMPLOYEE_PRICE_ABOVE_LIST"; listPrice: number }
    | { reason: "DUPLICATE_STYLE_CODE"; styleCode: string }
    | { reason: "DUPLICATE_SKU_CODE"; skuCode: string }
    | { reason: "DUPLICATE_BARCODE"; barcode: string }
    | { reason: "BUNDLE_SELF" }
    | { reason: "BUNDLE_NESTED"; skuCode: string }
    | { reason: "BUNDLE_HAS_STOCK" }
    | { reason: "BELOW_RESERVED"; onHand: number; reserved: number }
    /** A new settlement rate starts today or later; `today` is the Shanghai day. */
    | { reason: "RATE_IN_PAST"; today: string }
    /** A transfer from a node to itself. */
    | { reason: "SAME_NODE" }
    /** A transfer line counted in above what was shipped on it. */
    | ({ reason: "ABOVE_SHIPPED"; lineId: string; skuId: string; shipped: number } & NamedIfKnown)
    /** A transfer receipt that leaves lines uncounted (0 is a count). */
    | { reason: "UNCOUNTED_LINES"; lineIds: readonly string[] }
    /** A marketplace order with lines that are not the channel's to sell. */
    | { reason: "ORDER_LINES"; lines: readonly ChannelLineRefusal[] }
    | { reason: "BODY_TOO_LARGE"; limitBytes: number }
    | RoutingFacts<"INVALID_REQUEST">;
  OUT_OF_STOCK:
    | ShortfallDetails
    | ({
        reason: "PRESALE_CAP";
        skuId: string;
        requested: number;
        available: number;
      } & NamedIfKnown)
    | BundleComponentShortfall
    | ({
        reason: "ONLINE" | "EMPLOYEE_STORE";
        skuId: string;
        available: number;
        availability: Readonly<Record<string, number>>;
      } & NamedIfKnown)
    | { reason: "SOLD_MEANWHILE"; orderNo: string }
    /**
     * A transfer asks more of its source than it can give: `available` is what stays above
     * its reserved units and the larger of its safety stock and display minimum.
     */
    | ({
        reason: "SOURCE_SHORT";
        skuId: string;
        nodeId: string;
        requested: number;
        available: number;
      } & NamedIfKnown)
    /** A marketplace order with lines the channel's stock cannot fill. */
    | { reason: "ORDER_LINES"; lines: readonly ChannelLineRefusal[] }
    | RoutingFacts<"NO_NODE_CAN_FILL" | "SPLIT_LIMIT">;
  QUOTA_EXCEEDED:
    | { reason: "UNITS"; left: number; period: string; periodKey: string }
    | { reason: "SPEND"; spendLeft: number; period: string; periodKey: string }
    | ({
        reason: "PER_SKU";
        skuId: string;
        left: number;
        period: string;
        periodKey: string;
      } & NamedIfKnown);
  HOLD_EXPIRED: ReservationStateDetails;
  UNDELIVERABLE:
    | RoutingFacts<"PICKUP_NOT_AVAILABLE" | "OUTSIDE_DELIVERY_RADIUS">
    | ({ reason: "PRESALE_EXPRESS_ONLY"; skuId: string; method: string } & ItemNaming)
    /** A marketplace address without coordinates in a city and district no node is in. */
    | { reason: "ADDRESS_UNPLACEABLE"; city: string; district?: string };
  PAYMENT_FAILED: { reason: "NOT_CONFIGURED" };
  CONFLICT:
    | { reason: "CHANNEL_INACTIVE"; channelId?: string; channelCode?: string }
    | ({ reason: "NOT_ON_PRESALE"; skuId: string } & NamedIfKnown)
    | { reason: "IDEMPOTENCY_KEY"; idempotencyKey: string }
    | ReservationStateDetails
    | { reason: "CHANGED_MEANWHILE" }
    | { reason: "HOLD_RUNNING" }
    | { reason: "POINTS_CHANGED" }
    | { reason: "ORDER_NOT_PAID"; orderStatus: string }
    | { reason: "TASK_STATE"; status: string; wanted?: string }
    | { reason: "NO_STOCK_PROMISED"; orderLineIds: readonly string[] }
    | { reason: "ALREADY_PICKED" }
    | { reason: "PICKUP_CODE_USED" }
    | { reason: "PARCELS_WAITING"; waitingParcels: readonly { id: string; status: string }[] }
    | { reason: "NOTHING_TO_REJECT" }
    | { reason: "NOT_RETURNABLE_YET" }
    | { reason: "USED" }
    | { reason: "SOLD_OUT" }
    | { reason: "LIMIT_REACHED"; perMemberLimit: number }
    | { reason: "NOT_AWAITING_PAYMENT" }
    | { reason: "NO_PAYMENT_REFERENCE" }
    | { reason: "POLICY_IN_USE"; employees: number }
    | { reason: "CHANGED_SINCE_OPENED" }
    | { reason: "NODE_CODE_TAKEN"; nodeCode: string }
    | { reason: "NODE_AT_CAPACITY"; nodeId: string }
    | { reason: "RATE_IN_FORCE" }
    | { reason: "RETURN_WINDOW_CLOSED"; days: number }
    | { reason: "RETURN_STATE"; status: string }
    | { reason: "TRANSFER_STATE"; status: string; wanted?: string }
    /** The channel's order id names an order with other lines or method. */
    | { reason: "CHANNEL_ORDER_ID"; channelOrderId: string; orderNo: string }
    /** A marketplace order id typed at the counter names orders on several channels. */
    | { reason: "AMBIGUOUS_CHANNEL_ORDER" };
  RATE_LIMITED:
    | ({ reason: "CHECKOUT" } & RetryAfter)
    | ({ reason: "PICKUP_LOOKUP" } & RetryAfter)
    | ({ reason: "RETURN_LOOKUP" } & RetryAfter)
    | { reason: "PICKUP_CODE_ATTEMPTS"; attemptsLeft: 0 }
    | { reason: "SIGN_IN"; wait: number; unit: "SECONDS" | "MINUTES" };
  /** No database connection came free in time: nothing was written, the same press may be retried. */
  BUSY: { reason: "DATABASE" } & RetryAfter;
  INTERNAL: RoutingFacts<"INVALID_RULES">;
};

type AnyDetails = DetailsByCode[keyof DetailsByCode];
type KeysOf<U> = U extends unknown ? keyof U : never;

/**
 * Each shape with every fact that only other shapes carry marked absent: reading a fact a
 * refusal does not carry (`failure.details?.available`) is then `undefined`, not a type error,
 * and narrowing on `code` and `reason` gives the exact shape.
 */
type Closed<U> = U extends unknown
  ? U & { readonly [K in Exclude<KeysOf<AnyDetails>, keyof U>]?: undefined }
  : never;

/** The details an AppError or a refusal of code C may carry. */
export type ErrorDetails<C extends keyof DetailsByCode = keyof DetailsByCode> = Closed<
  DetailsByCode[C]
>;

/** The reasons a code may give, e.g. `RefusalReason<"OUT_OF_STOCK">`. */
export type RefusalReason<C extends keyof DetailsByCode = keyof DetailsByCode> =
  DetailsByCode[C]["reason"];

/**
 * The reasons that concern particular items and are worded with their names when the refusal
 * carries them (the item naming spread into the details, or `item` per routing availability).
 */
export const ITEM_REASONS = {
  INVALID_INPUT: [
    "IS_BUNDLE",
    "NOT_BUNDLE",
    "ABOVE_ORDERED",
    "NOT_SOLD_ONLINE",
    "NOT_IN_EMPLOYEE_STORE",
    "ABOVE_RETURNABLE",
    "ABOVE_SHIPPED",
  ],
  OUT_OF_STOCK: [
    "CHANNEL",
    "STOCK",
    "PRESALE_CAP",
    "ONLINE",
    "EMPLOYEE_STORE",
    "NO_NODE_CAN_FILL",
    "SPLIT_LIMIT",
    "SOURCE_SHORT",
  ],
  QUOTA_EXCEEDED: ["PER_SKU"],
  UNDELIVERABLE: ["PICKUP_NOT_AVAILABLE"],
  CONFLICT: ["NOT_ON_PRESALE"],
} as const satisfies { [C in keyof DetailsByCode]?: readonly RefusalReason<C>[] };

/** True when a refusal of this code and reason is worded with the items it concerns. */
export function isItemReason(code: string, reason: string): boolean {
  const reasons: readonly string[] | undefined = (
    ITEM_REASONS as Partial<Record<string, readonly string[]>>
  )[code];
  return reasons?.includes(reason) ?? false;
}

/** Every reason of every code, for code that must word each one (a test checks it is complete). */
export const REFUSAL_REASONS = {
  UNAUTHENTICATED: ["BAD_CREDENTIALS"],
  FORBIDDEN: [
    "OTHER_STORE",
    "STORE_STAFF_ONLY",
    "MEMBERS_ONLY",
    "NOT_EMPLOYEE",
    "EMPLOYEE_CHANNEL_ONLY",
    "EMPLOYEE_DISABLED",
    "SHOPPERS_ONLY",
    "DEMO_PAYMENTS_OFF",
    "OTHER_ORGANIZATION",
    "ADMIN_ONLY",
    "OWN_STOREFRONT",
  ],
  NOT_FOUND: [
    "SKU",
    "ITEMS",
    "CHANNEL",
    "NODE",
    "RESERVATION",
    "ORDER",
    "ORDER_LINE",
    "CART_ITEM",
    "PRODUCT",
    "SHOP_CLOSED",
    "MEMBERSHIP",
    "EMPLOYEE",
    "ACCOUNT",
    "STORE",
    "TASK",
    "TASK_LINE",
    "PICKUP_CODE",
    "NOT_CLAIMED",
    "QUOTA_POLICY",
    "ALLOCATION_POLICY",
    "TIER_RULE",
    "SKU_CODE",
    "ORGANIZATION",
    "RETURN",
    "RETURN_LINE",
    "CATEGORY",
    "SETTLEMENT_RATE",
    "TRANSFER",
    "TRANSFER_LINE",
    "UNKNOWN_STORE",
  ],
  INVALID_INPUT: [
    "IS_BUNDLE",
    "NOT_BUNDLE",
    "PAID_AMOUNT",
    "REFUND_ABOVE_PAID",
    "NOT_A_WAREHOUSE",
    "SAME_ITEM",
    "REJECT_REASON",
    "PICKUP_CODE_FORMAT",
    "WRONG_PICKUP_CODE",
    "BARCODE_NOT_ON_TASK",
    "ABOVE_ORDERED",
    "STORE_REQUIRED",
    "ADDRESS_REQUIRED",
    "CART_EMPTY",
    "NOT_SOLD_ONLINE",
    "NOT_IN_EMPLOYEE_STORE",
    "LINE_LIMIT",
    "POINTS_ABOVE_AVAILABLE",
    "NOTHING_CHOSEN",
    "ABOVE_RETURNABLE",
    "EXPIRED",
    "NOT_YET_VALID",
    "MIN_SPEND_NOT_MET",
    "ROUTING_RULES",
    "RATIO_SUM",
    "EMPLOYEE_PRICE_ABOVE_LIST",
    "DUPLICATE_STYLE_CODE",
    "DUPLICATE_SKU_CODE",
    "DUPLICATE_BARCODE",
    "BUNDLE_SELF",
    "BUNDLE_NESTED",
    "BUNDLE_HAS_STOCK",
    "BELOW_RESERVED",
    "RATE_IN_PAST",
    "SAME_NODE",
    "ABOVE_SHIPPED",
    "UNCOUNTED_LINES",
    "ORDER_LINES",
    "BODY_TOO_LARGE",
    "INVALID_REQUEST",
  ],
  OUT_OF_STOCK: [
    "CHANNEL",
    "STOCK",
    "PRESALE_CAP",
    "BUNDLE_COMPONENT",
    "ONLINE",
    "EMPLOYEE_STORE",
    "SOLD_MEANWHILE",
    "NO_NODE_CAN_FILL",
    "SPLIT_LIMIT",
    "SOURCE_SHORT",
    "ORDER_LINES",
  ],
  QUOTA_EXCEEDED: ["UNITS", "SPEND", "PER_SKU"],
  HOLD_EXPIRED: ["RESERVATION"],
  UNDELIVERABLE: [
    "PICKUP_NOT_AVAILABLE",
    "OUTSIDE_DELIVERY_RADIUS",
    "PRESALE_EXPRESS_ONLY",
    "ADDRESS_UNPLACEABLE",
  ],
  PAYMENT_FAILED: ["NOT_CONFIGURED"],
  CONFLICT: [
    "CHANNEL_INACTIVE",
    "NOT_ON_PRESALE",
    "IDEMPOTENCY_KEY",
    "RESERVATION",
    "CHANGED_MEANWHILE",
    "HOLD_RUNNING",
    "POINTS_CHANGED",
    "ORDER_NOT_PAID",
    "TASK_STATE",
    "NO_STOCK_PROMISED",
    "ALREADY_PICKED",
    "PICKUP_CODE_USED",
    "PARCELS_WAITING",
    "NOTHING_TO_REJECT",
    "NOT_RETURNABLE_YET",
    "USED",
    "SOLD_OUT",
    "LIMIT_REACHED",
    "NOT_AWAITING_PAYMENT",
    "NO_PAYMENT_REFERENCE",
    "POLICY_IN_USE",
    "CHANGED_SINCE_OPENED",
    "NODE_CODE_TAKEN",
    "NODE_AT_CAPACITY",
    "RATE_IN_FORCE",
    "RETURN_WINDOW_CLOSED",
    "RETURN_STATE",
    "TRANSFER_STATE",
    "CHANNEL_ORDER_ID",
    "AMBIGUOUS_CHANNEL_ORDER",
  ],
  RATE_LIMITED: ["CHECKOUT", "PICKUP_LOOKUP", "RETURN_LOOKUP", "PICKUP_CODE_ATTEMPTS", "SIGN_IN"],
  BUSY: ["DATABASE"],
  INTERNAL: ["INVALID_RULES"],
} as const satisfies { [C in keyof DetailsByCode]: readonly RefusalReason<C>[] };
