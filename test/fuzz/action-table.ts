import fc from "fast-check";
import { BUYER_ROLES, type Role } from "@/lib/auth/roles";
import { LOCALES } from "@/i18n/locales";
import { RULE_KINDS } from "@/lib/routing/rules-input";
import { RETURN_REASONS } from "@/lib/returns/return-rules";
import { ALLOCATION_ACTIONS } from "./actions-allocation";
import { CHANNEL_ORDER_ACTIONS } from "./actions-channel-orders";
import { PRODUCT_ACTIONS } from "./actions-products";
import { STOCK_ACTIONS } from "./actions-stock";
import { SETTLEMENT_ACTIONS } from "./actions-settlement";
import { RETURN_ACTIONS } from "./actions-returns";
import { TRANSFER_ACTIONS } from "./actions-transfers";
import { bool, id, int, json, list, num, oneOf, pattern, text, type Shape } from "./input-shapes";

/** How the fuzzer drives one server action. */
export type ActionSpec = {
  /** Roles that pass the role check; "anonymous" is a visitor without a session. */
  callers: readonly (Role | "anonymous")[];
  /** The input's shapes (several for a union). */
  shapes: readonly Shape[];
  /** True when a plausible input may succeed without writing to the database (a lookup, a cookie). */
  readOnly?: boolean;
};

const METHODS = ["PICKUP", "SAME_CITY", "EXPRESS"] as const;
const sixDigits = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));
const phone = fc.constantFrom("13800138000", "+86 138-0013-8000");
const tracking = fc.constantFrom("SF1234567890", "YT-0001");
const key = fc.uuid();

const task = { fulfilmentOrderId: id("fulfilmentOrderIds") };
const order = { orderNo: id("orderNos") };
const shopper = ["anonymous", ...BUYER_ROLES] as const;

/**
 * Every server action, keyed `<domain>/<export>` after `lib/<domain>/actions.ts`. The fuzz test
 * fails when an action is exported that this table does not list, so a new action gets covered.
 */
export const ACTION_TABLE: Record<string, ActionSpec> = {
  ...ALLOCATION_ACTIONS,
  ...CHANNEL_ORDER_ACTIONS,
  ...PRODUCT_ACTIONS,
  ...STOCK_ACTIONS,
  ...SETTLEMENT_ACTIONS,
  ...RETURN_ACTIONS,
  ...TRANSFER_ACTIONS,
  "admin/saveRoutingRulesAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        rules: list(
          {
            kind: oneOf(RULE_KINDS),
            mode: oneOf(["FILTER", "SCORE"]),
            method: oneOf([...METHODS, null]),
            weight: num(0, 100),
            position: int(1, 1000),
            enabled: bool,
            params: json,
          },
          50,
        ),
      },
    ],
  },
  "admin/receiveInboundAction": {
    callers: ["ADMIN"],
    shapes: [{ skuCode: id("skuCodes"), nodeId: id("nodeIds"), quantity: int(1, 1_000_000) }],
  },
  "admin/saveQuotaPolicyAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        id: id("quotaPolicyIds"),
        name: text(80),
        period: oneOf(["MONTH", "QUARTER", "YEAR"]),
        maxUnits: int(1, 10_000),
        maxSpendYuan: num(0, 10_000_000),
        maxPerSku: int(1, 10_000),
        discountPercent: int(0, 100),
      },
    ],
  },
  "admin/deleteQuotaPolicyAction": {
    callers: ["ADMIN"],
    shapes: [{ id: id("quotaPolicyIds") }],
  },
  "admin/assignEmployeePolicyAction": {
    callers: ["ADMIN"],
    shapes: [{ employeeId: id("employeeIds"), quotaPolicyId: id("quotaPolicyIds") }],
  },
  "admin/setEmployeePriceAction": {
    callers: ["ADMIN"],
    shapes: [
      { styleCode: id("styleCodes"), priceYuan: num(0, 10_000_000) },
      { styleCode: id("styleCodes"), skuCode: id("skuCodes"), priceYuan: num(0, 10_000_000) },
    ],
  },
  "admin/setEmployeeActiveAction": {
    callers: ["ADMIN"],
    shapes: [{ employeeId: id("employeeIds"), active: bool }],
  },
  "cart/addToCart": { callers: shopper, shapes: [{ skuId: id("skuIds"), quantity: int(1, 10) }] },
  "cart/setCartQuantity": {
    callers: shopper,
    shapes: [{ skuId: id("skuIds"), quantity: int(1, 99) }],
  },
  "cart/removeFromCart": { callers: shopper, shapes: [{ skuId: id("skuIds") }] },
  "checkout/placeCheckoutOrder": {
    callers: BUYER_ROLES,
    shapes: [
      {
        idempotencyKey: pattern(key),
        method: oneOf(METHODS),
        storeNodeId: id("nodeIds"),
        addressLine: text(300),
        city: text(100),
        latitude: num(-90, 90),
        longitude: num(-180, 180),
        contactName: text(100),
        contactPhone: pattern(phone),
        couponCode: id("couponCodes"),
        pointsToRedeem: int(0, 10_000_000),
        holdSeconds: int(5, 3600),
      },
    ],
  },
  "checkout/previewCoupon": {
    callers: ["CONSUMER"],
    shapes: [{ couponCode: id("couponCodes") }],
    readOnly: true,
  },
  "coupons/claimCouponAction": { callers: ["CONSUMER"], shapes: [{ code: id("couponCodes") }] },
  "fulfilment/advanceTask": {
    callers: ["STORE_STAFF"],
    shapes: [{ ...task, step: oneOf(["accept", "pack", "ready", "delivered"]) }],
  },
  "fulfilment/pickTaskLines": {
    callers: ["STORE_STAFF"],
    shapes: [
      { ...task, ticks: list({ lineId: id("fulfilmentLineIds"), pickedQty: int(0, 5) }, 200) },
      { ...task, barcode: id("barcodes") },
    ],
  },
  "fulfilment/handTaskToCourier": {
    callers: ["STORE_STAFF"],
    shapes: [{ ...task, courierName: text(80), trackingNo: pattern(tracking) }],
  },
  "fulfilment/rejectTask": { callers: ["STORE_STAFF"], shapes: [{ ...task, reason: text(500) }] },
  "fulfilment/lookUpPickupCode": {
    callers: ["STORE_STAFF"],
    shapes: [{ code: pattern(sixDigits) }],
    readOnly: true,
  },
  "fulfilment/confirmPickup": {
    callers: ["STORE_STAFF"],
    shapes: [{ ...task, code: pattern(sixDigits) }],
  },
  "fulfilment/placeAisleOrder": {
    callers: ["STORE_STAFF"],
    shapes: [
      {
        method: oneOf(["PICKUP"]),
        skuId: id("skuIds"),
        quantity: int(1, 20),
        contactName: text(100),
        contactPhone: pattern(phone),
        idempotencyKey: pattern(key),
      },
      {
        method: oneOf(["EXPRESS"]),
        skuId: id("skuIds"),
        quantity: int(1, 20),
        contactName: text(100),
        addressLine: text(300),
        idempotencyKey: pattern(key),
      },
    ],
  },
  "i18n/setLocale": {
    callers: ["anonymous", "CONSUMER", "EMPLOYEE", "STORE_STAFF", "ADMIN"],
    shapes: [{ locale: oneOf(LOCALES) }],
    readOnly: true,
  },
  "orders/expireOrderHold": { callers: BUYER_ROLES, shapes: [order] },
  "payments/payDemo": { callers: BUYER_ROLES, shapes: [order] },
  "payments/failDemo": { callers: BUYER_ROLES, shapes: [order] },
  "payments/payOrderNow": { callers: BUYER_ROLES, shapes: [order] },
  "returns/requestReturnAction": {
    callers: ["CONSUMER", "EMPLOYEE"],
    shapes: [
      {
        ...order,
        mode: oneOf(["ONLINE", "AT_STORE"]),
        reason: oneOf(RETURN_REASONS),
        note: text(500),
        lines: list({ orderLineId: id("orderLineIds"), quantity: int(0, 999) }, 100),
      },
    ],
  },
  "returns/exchangeAtStoreAction": {
    callers: ["STORE_STAFF"],
    shapes: [
      {
        ...order,
        contact: pattern(phone),
        orderLineId: id("orderLineIds"),
        quantity: int(1, 99),
        newSkuId: id("skuIds"),
        reason: oneOf(RETURN_REASONS),
        idempotencyKey: pattern(key),
      },
    ],
  },
  "returns/exchangeOptionsAction": {
    callers: ["STORE_STAFF"],
    shapes: [{ ...order, contact: pattern(phone) }],
    readOnly: true,
  },
};
