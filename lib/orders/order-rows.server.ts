import "server-only";
import type { Tx } from "@/lib/db/transaction.server";
import type {
  BuyerType,
  FulfilmentMethod,
  FulfilmentStatus,
  PaymentProvider,
} from "@/lib/generated/prisma/enums";

/** A new Order row (the columns an order is placed with; the rest take their defaults). */
export type NewOrderRow = {
  id: string;
  orderNo: string;
  channelId: string;
  buyerType: BuyerType;
  userId: string | null;
  memberId: string | null;
  employeeId: string | null;
  guideUserId: string | null;
  method: FulfilmentMethod;
  pickupNodeId: string | null;
  contactName: string;
  contactPhone: string | null;
  addressLine: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  subtotal: number;
  discountTotal: number;
  shippingFee: number;
  total: number;
  pointsRedeemed: number;
  pointsEarned: number;
  quotaPeriodKey: string | null;
  paymentProvider: PaymentProvider | null;
  idempotencyKey: string;
  channelOrderId: string | null;
  placedAt: Date;
  promisedBy: Date | null;
};

export type NewOrderLineRow = {
  id: string;
  orderId: string;
  skuId: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
  isPresale: boolean;
};

/** A routing run as stored; the JSON columns hold plain JSON. */
export type NewRoutingDecisionRow = {
  id: string;
  orderId: string;
  attempt: number;
  method: FulfilmentMethod;
  rules: unknown;
  candidates: unknown;
  assignments: unknown;
  explanation: string;
  summaryParts: unknown;
  plan: unknown;
  refusalCode: string | null;
};

export type NewFulfilmentOrderRow = {
  id: string;
  orderId: string;
  nodeId: string;
  shipToNodeId: string | null;
  routingDecisionId: string;
  pickupCode: string | null;
  capacityDay: string;
};

export type NewFulfilmentLineRow = {
  id: string;
  fulfilmentOrderId: string;
  orderLineId: string;
  skuId: string;
  quantity: number;
};

export type NewFulfilmentEventRow = {
  id: string;
  fulfilmentOrderId: string;
  toStatus: FulfilmentStatus;
  note: string;
};

/** The rows an order gets when it is placed or routed again; any part may be empty. */
export type NewOrderRows = {
  orders?: readonly NewOrderRow[];
  orderLines?: readonly NewOrderLineRow[];
  decisions?: readonly NewRoutingDecisionRow[];
  fulfilmentOrders?: readonly NewFulfilmentOrderRow[];
  fulfilmentLines?: readonly NewFulfilmentLineRow[];
  fulfilmentEvents?: readonly NewFulfilmentEventRow[];
};

/** What the statement gives back of each order it wrote. */
export type WrittenOrder = { id: string; orderNo: string; total: number; currency: string };

/** One JSON parameter per table: any number of rows the same way through every driver adapter. */
function rowsOf(rows: readonly object[] | undefined): string {
  return JSON.stringify(rows ?? []);
}

/**
 * Writes an order's new rows (the order, its lines, the routing decision, the fulfilment orders
 * with their lines and first events) in one statement: under a flash sale each round trip costs
 * the server more than the database's work on the row. The ids are the caller's (newRowId), so
 * rows can point at each other; the foreign keys are checked when the statement ends. Creation
 * times are the database clock's, as every other row's; `placedAt` and `promisedBy` are the
 * order's own.
 */
export async function insertOrderRows(tx: Tx, rows: NewOrderRows): Promise<WrittenOrder[]> {
  return tx.$queryRaw<WrittenOrder[]>`
    WITH "order" AS (
      INSERT INTO "Order" ("id", "orderNo", "channelId", "buyerType", "userId", "memberId",
        "employeeId", "guideUserId", "method", "pickupNodeId", "contactName", "contactPhone",
        "addressLine", "city", "latitude", "longitude", "subtotal", "discountTotal", "shippingFee",
        "total", "pointsRedeemed", "pointsEarned", "quotaPeriodKey", "paymentProvider",
        "idempotencyKey", "channelOrderId", "placedAt", "promisedBy")
      SELECT i."id", i."orderNo", i."channelId", i."buyerType"::"BuyerType", i."userId",
        i."memberId", i."employeeId", i."guideUserId", i."method"::"FulfilmentMethod",
        i."pickupNodeId", i."contactName", i."contactPhone", i."addressLine", i."city",
        i."latitude", i."longitude", i."subtotal", i."discountTotal", i."shippingFee", i."total",
        i."pointsRedeemed", i."pointsEarned", i."quotaPeriodKey",
        i."paymentProvider"::"PaymentProvider", i."idempotencyKey", i."channelOrderId",
        i."placedAt", i."promisedBy"
      FROM jsonb_to_recordset(${rowsOf(rows.orders)}::jsonb) AS i("id" text, "orderNo" text,
        "channelId" text, "buyerType" text, "userId" text, "memberId" text, "employeeId" text,
        "guideUserId" text, "method" text, "pickupNodeId" text, "contactName" text,
        "contactPhone" text, "addressLine" text, "city" text, "latitude" double precision,
        "longitude" double precision, "subtotal" int, "discountTotal" int, "shippingFee" int,
        "total" int, "pointsRedeemed" int, "pointsEarned" int, "quotaPeriodKey" text,
        "paymentProvider" text, "idempotencyKey" text, "channelOrderId" text,
        "placedAt" timestamp(3), "promisedBy" timestamp(3))
      RETURNING "id", "orderNo", "total", "currency"
    ), "line" AS (
      INSERT INTO "OrderLine" ("id", "orderId", "skuId", "quantity", "unitPrice", "discount",
        "lineTotal", "isPresale")
      SELECT i."id", i."orderId", i."skuId", i."quantity", i."unitPrice", i."discount",
        i."lineTotal", i."isPresale"
      FROM jsonb_to_recordset(${rowsOf(rows.orderLines)}::jsonb) AS i("id" text, "orderId" text,
        "skuId" text, "quantity" int, "unitPrice" int, "discount" int, "lineTotal" int,
        "isPresale" boolean)
    ), "decision" AS (
      INSERT INTO "RoutingDecision" ("id", "orderId", "attempt", "method", "rules", "candidates",
        "assignments", "explanation", "summaryParts", "plan", "refusalCode", "createdAt")
      SELECT i."id", i."orderId", i."attempt", i."method"::"FulfilmentMethod", i."rules",
        i."candidates", i."assignments", i."explanation", i."summaryParts", i."plan",
        i."refusalCode", now() AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${rowsOf(rows.decisions)}::jsonb) AS i("id" text, "orderId" text,
        "attempt" int, "method" text, "rules" jsonb, "candidates" jsonb, "assignments" jsonb,
        "explanation" text, "summaryParts" jsonb, "plan" jsonb, "refusalCode" text)
    ), "fulfilment" AS (
      INSERT INTO "FulfilmentOrder" ("id", "orderId", "nodeId", "shipToNodeId",
        "routingDecisionId", "pickupCode", "capacityDay", "createdAt", "updatedAt")
      SELECT i."id", i."orderId", i."nodeId", i."shipToNodeId", i."routingDecisionId",
        i."pickupCode", i."capacityDay", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${rowsOf(rows.fulfilmentOrders)}::jsonb) AS i("id" text,
        "orderId" text, "nodeId" text, "shipToNodeId" text, "routingDecisionId" text,
        "pickupCode" text, "capacityDay" text)
    ), "fulfilmentLine" AS (
      INSERT INTO "FulfilmentLine" ("id", "fulfilmentOrderId", "orderLineId", "skuId", "quantity")
      SELECT i."id", i."fulfilmentOrderId", i."orderLineId", i."skuId", i."quantity"
      FROM jsonb_to_recordset(${rowsOf(rows.fulfilmentLines)}::jsonb) AS i("id" text,
        "fulfilmentOrderId" text, "orderLineId" text, "skuId" text, "quantity" int)
    ), "event" AS (
      INSERT INTO "FulfilmentEvent" ("id", "fulfilmentOrderId", "toStatus", "note", "createdAt")
      SELECT i."id", i."fulfilmentOrderId", i."toStatus"::"FulfilmentStatus", i."note",
        now() AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${rowsOf(rows.fulfilmentEvents)}::jsonb) AS i("id" text,
        "fulfilmentOrderId" text, "toStatus" text, "note" text)
    )
    SELECT "id", "orderNo", "total", "currency" FROM "order"`;
}
