import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { employeeSkuPrices, loadEmployeePolicy } from "@/lib/employee/employee-prices.server";
import type { QuotaLimits } from "@/lib/employee/quota";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelKind, QuotaPeriod, Role } from "@/lib/generated/prisma/enums";
import type { ParsedOrder } from "./order-input";
import type { LineKinds } from "./order-lines";
import { lineKindsOf } from "./order-lines.server";

/** A SKU of the order with the price the channel sells it at (fen). */
export type PricedSku = { skuId: string; unitPrice: number };

/** Who buys, as the Order row records it. */
export type BuyerColumns = {
  buyerType: "MEMBER" | "EMPLOYEE" | "WALK_IN" | "MARKETPLACE";
  userId: string | null;
  memberId: string | null;
  employeeId: string | null;
  guideUserId: string | null;
  pointsBalance: number;
};

export type OrderContext = {
  channelId: string;
  buyer: BuyerColumns;
  prices: Map<string, number>;
  /** Which lines are bundles and which presale, read with the prices. */
  kinds: LineKinds;
  pickupNode: { id: string; name: string } | null;
  /** The employee's quota policy, for an EMPLOYEE buyer (prices above are employee prices). */
  employeeQuota: { period: QuotaPeriod; limits: QuotaLimits } | null;
};

/** The facts an order is checked and priced on, as the one statement of readOrderFacts returns them. */
type OrderFacts = {
  channel: { id: string; code: string; kind: ChannelKind; active: boolean } | null;
  /** The asked-for SKUs that exist, each with its price in the channel. */
  skus: {
    id: string;
    isBundle: boolean;
    presaleEnabled: boolean;
    price: number;
    bundleComponents: { componentSkuId: string; quantity: number }[];
  }[];
  user: {
    id: string;
    role: Role;
    memberId: string | null;
    pointsBalance: number | null;
    employeeId: string | null;
  } | null;
  node: { id: string; name: string; active: boolean } | null;
};

/**
 * Reads, in one statement, the channel (by code or id), the SKUs with their price in it (the
 * channel's price, else the SKU's, else the style's list price) and kinds, and, when named, a user
 * with their member and employee rows and a node: an order pays one round trip for all of them.
 */
async function readOrderFacts(
  db: Db,
  input: {
    channel: { code: string } | { id: string };
    skuIds: readonly string[];
    userId?: string | null;
    nodeId?: string | null;
  },
): Promise<OrderFacts> {
  const channelWhere =
    "code" in input.channel
      ? Prisma.sql`c."code" = ${input.channel.code}`
      : Prisma.sql`c."id" = ${input.channel.id}`;
  const ids = input.skuIds.length > 0 ? Prisma.join([...new Set(input.skuIds)]) : Prisma.sql`NULL`;
  const user = input.userId
    ? Prisma.sql`(SELECT json_build_object('id', u."id", 'role', u."role", 'memberId', m."id",
        'pointsBalance', m."pointsBalance", 'employeeId', e."id")
      FROM "User" u LEFT JOIN "Member" m ON m."userId" = u."id"
      LEFT JOIN "Employee" e ON e."userId" = u."id" WHERE u."id" = ${input.userId})`
    : Prisma.sql`NULL::json`;
  const node = input.nodeId
    ? Prisma.sql`(SELECT json_build_object('id', n."id", 'name', n."name", 'active', n."active")
      FROM "Node" n WHERE n."id" = ${input.nodeId})`
    : Prisma.sql`NULL::json`;
  const [row] = await db.$queryRaw<OrderFacts[]>`
    WITH channel AS (SELECT c."id", c."code", c."kind", c."active" FROM "Channel" c WHERE ${channelWhere})
    SELECT
      (SELECT json_build_object('id', "id", 'code', "code", 'kind', "kind", 'active', "active")
        FROM channel) AS "channel",
      (SELECT COALESCE(json_agg(json_build_object('id', s."id", 'isBundle', s."isBundle",
          'presaleEnabled', s."presaleEnabled",
          'price', COALESCE(cp."price", s."listPrice", p."listPrice"),
          'bundleComponents', (SELECT COALESCE(json_agg(json_build_object(
              'componentSkuId', b."componentSkuId", 'quantity', b."quantity")), '[]'::json)
            FROM "BundleComponent" b WHERE b."bundleSkuId" = s."id"))), '[]'::json)
        FROM "Sku" s JOIN "Product" p ON p."id" = s."productId"
        LEFT JOIN "ChannelPrice" cp ON cp."skuId" = s."id"
          AND cp."channelId" = (SELECT "id" FROM channel)
        WHERE s."id" IN (${ids})) AS "skus",
      ${user} AS "user",
      ${node} AS "node"`;
  if (!row) throw new Error("the order facts query returned no row");
  return row;
}

/**
 * Everything an order needs that does not change while it is placed: the channel, the buyer,
 * each SKU's price in the channel (channel price, else the SKU's, else the style's list price)
 * and the pickup store, read in one statement (readOrderFacts). Unknown ids are NOT_FOUND; an
 * inactive channel is refused before anything is written.
 */
export async function loadOrderContext(db: Db, input: ParsedOrder): Promise<OrderContext> {
  const facts = await readOrderFacts(db, {
    channel: { code: input.channelCode },
    skuIds: input.lines.map((l) => l.skuId),
    userId: buyerUserId(input.buyer),
    nodeId: input.destination.kind === "store" ? input.destination.nodeId : null,
  });
  const { channel } = facts;
  if (!channel) {
    throw new AppError("NOT_FOUND", `Unknown channel ${input.channelCode}.`, {
      details: { reason: "CHANNEL", channelCode: input.channelCode },
    });
  }
  if (!channel.active)
    throw new AppError("CONFLICT", `Channel ${channel.code} is not selling now.`, {
      details: { reason: "CHANNEL_INACTIVE", channelCode: channel.code },
    });

  const { prices, kinds } = pricesAndKinds(
    facts,
    input.lines.map((l) => l.skuId),
  );

  // A marketplace order is recorded at the prices its customer paid there.
  for (const [skuId, price] of Object.entries(input.channelPricing?.unitPrices ?? {}))
    if (prices.has(skuId)) prices.set(skuId, price);

  const buyer = buyerOf(input.buyer, facts.user);
  // Employees buy only in the employee channel (its own allocation), and only employees buy there.
  if ((buyer.buyerType === "EMPLOYEE") !== (channel.kind === "EMPLOYEE"))
    throw new AppError(
      "FORBIDDEN",
      buyer.buyerType === "EMPLOYEE"
        ? "Employees buy in the employee channel."
        : "Only employees buy in the employee channel.",
      {
        details: {
          reason: buyer.buyerType === "EMPLOYEE" ? "EMPLOYEE_CHANNEL_ONLY" : "NOT_EMPLOYEE",
        },
      },
    );
  const employeeQuota = buyer.employeeId
    ? await applyEmployeePrices(db, buyer.employeeId, prices)
    : null;

  let pickupNode: OrderContext["pickupNode"] = null;
  if (input.destination.kind === "store") {
    const node = facts.node;
    if (!node || !node.active)
      throw new AppError("NOT_FOUND", "Unknown store.", { details: { reason: "STORE" } });
    pickupNode = { id: node.id, name: node.name };
  }
  return { channelId: channel.id, buyer, prices, kinds, pickupNode, employeeQuota };
}

/** Replaces each price with the employee price (lib/employee/employee-prices.server.ts). */
async function applyEmployeePrices(
  db: Db,
  employeeId: string,
  prices: Map<string, number>,
): Promise<NonNullable<OrderContext["employeeQuota"]>> {
  const policy = await loadEmployeePolicy(db, { employeeId });
  const employeePrices = await employeeSkuPrices(db, policy.discountBps, [...prices.keys()]);
  for (const [skuId, price] of employeePrices) prices.set(skuId, price);
  return { period: policy.period, limits: policy.limits };
}

/**
 * The unit price (fen) of each SKU in a channel: the channel's price, else the SKU's, else the
 * style's list price. Unknown SKUs are NOT_FOUND; a bundle has its own price (it is filled by its
 * components).
 */
export async function loadSkuPrices(
  db: Db,
  channelId: string,
  skuIds: readonly string[],
): Promise<Map<string, number>> {
  const facts = await readOrderFacts(db, { channel: { id: channelId }, skuIds });
  return pricesAndKinds(facts, skuIds).prices;
}

/** The SKUs' prices and kinds (lineKindsOf) from the facts read; an unknown SKU is NOT_FOUND. */
function pricesAndKinds(
  facts: OrderFacts,
  skuIds: readonly string[],
): { prices: Map<string, number>; kinds: LineKinds } {
  const { skus } = facts;
  const missing = skuIds.filter((id) => !skus.some((s) => s.id === id));
  if (missing.length > 0)
    throw new AppError("NOT_FOUND", "Some items no longer exist.", {
      details: { reason: "ITEMS", skuIds: missing },
    });
  return { prices: new Map(skus.map((s) => [s.id, s.price])), kinds: lineKindsOf(skus) };
}

/** The account an order's buyer is checked against: the member or employee, or the store's guide. */
function buyerUserId(buyer: ParsedOrder["buyer"]): string | null {
  if (buyer.kind === "MARKETPLACE") return null;
  return buyer.kind === "WALK_IN" ? buyer.guideUserId : buyer.userId;
}

/** Who buys, checked against the account read with the order's facts. */
function buyerOf(buyer: ParsedOrder["buyer"], user: OrderFacts["user"]): BuyerColumns {
  if (buyer.kind === "MARKETPLACE")
    return {
      buyerType: "MARKETPLACE",
      userId: null,
      memberId: null,
      employeeId: null,
      guideUserId: null,
      pointsBalance: 0,
    };
  if (buyer.kind === "WALK_IN") {
    if (!user || user.role !== "STORE_STAFF")
      throw new AppError("FORBIDDEN", "Only store staff place orders for walk-in customers.", {
        details: { reason: "STORE_STAFF_ONLY" },
      });
    return {
      buyerType: "WALK_IN",
      userId: null,
      memberId: null,
      employeeId: null,
      guideUserId: user.id,
      pointsBalance: 0,
    };
  }
  if (!user) throw new AppError("NOT_FOUND", "Unknown buyer.", { details: { reason: "ACCOUNT" } });
  if (buyer.kind === "EMPLOYEE") {
    if (!user.employeeId || user.role !== "EMPLOYEE")
      throw new AppError("FORBIDDEN", "This account is not an employee's.", {
        details: { reason: "NOT_EMPLOYEE" },
      });
    return {
      buyerType: "EMPLOYEE",
      userId: user.id,
      memberId: null,
      employeeId: user.employeeId,
      guideUserId: null,
      pointsBalance: 0,
    };
  }
  return {
    buyerType: "MEMBER",
    userId: user.id,
    memberId: user.memberId,
    employeeId: null,
    guideUserId: null,
    pointsBalance: user.pointsBalance ?? 0,
  };
}
