import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import { employeeSkuPrices, loadEmployeePolicy } from "@/lib/employee/employee-prices.server";
import type { QuotaLimits } from "@/lib/employee/quota";
import type { QuotaPeriod } from "@/lib/generated/prisma/enums";
import type { ParsedOrder } from "./order-input";
import type { LineKinds } from "./order-lines";
import { LINE_KIND_FIELDS, lineKindsOf } from "./order-lines.server";

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

/**
 * Everything an order needs that does not change while it is placed: the channel, the buyer,
 * each SKU's price in the channel (channel price, else the SKU's, else the style's list price)
 * and the pickup store. Unknown ids are NOT_FOUND; an inactive channel is refused before anything
 * is written.
 */
export async function loadOrderContext(db: Db, input: ParsedOrder): Promise<OrderContext> {
  const channel = await db.channel.findUnique({ where: { code: input.channelCode } });
  if (!channel) {
    throw new AppError("NOT_FOUND", `Unknown channel ${input.channelCode}.`, {
      details: { reason: "CHANNEL", channelCode: input.channelCode },
    });
  }
  if (!channel.active)
    throw new AppError("CONFLICT", `Channel ${channel.code} is not selling now.`, {
      details: { reason: "CHANNEL_INACTIVE", channelCode: channel.code },
    });

  const { prices, kinds } = await loadOrderSkus(
    db,
    channel.id,
    input.lines.map((l) => l.skuId),
  );

  // A marketplace order is recorded at the prices its customer paid there.
  for (const [skuId, price] of Object.entries(input.channelPricing?.unitPrices ?? {}))
    if (prices.has(skuId)) prices.set(skuId, price);

  const buyer = await loadBuyer(db, input.buyer);
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
    const node = await db.node.findUnique({ where: { id: input.destination.nodeId } });
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
  return (await loadOrderSkus(db, channelId, skuIds)).prices;
}

/** The SKUs' prices in the channel (loadSkuPrices) and their kinds (lineKindsOf), in one read. */
async function loadOrderSkus(
  db: Db,
  channelId: string,
  skuIds: readonly string[],
): Promise<{ prices: Map<string, number>; kinds: LineKinds }> {
  const skus = await db.sku.findMany({
    where: { id: { in: [...skuIds] } },
    select: {
      ...LINE_KIND_FIELDS,
      listPrice: true,
      product: { select: { listPrice: true } },
      channelPrices: { where: { channelId }, select: { price: true } },
    },
  });
  const missing = skuIds.filter((id) => !skus.some((s) => s.id === id));
  if (missing.length > 0)
    throw new AppError("NOT_FOUND", "Some items no longer exist.", {
      details: { reason: "ITEMS", skuIds: missing },
    });
  return {
    prices: new Map(
      skus.map((s) => [s.id, s.channelPrices[0]?.price ?? s.listPrice ?? s.product.listPrice]),
    ),
    kinds: lineKindsOf(skus),
  };
}

async function loadBuyer(db: Db, buyer: ParsedOrder["buyer"]): Promise<BuyerColumns> {
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
    const guide = await db.user.findUnique({ where: { id: buyer.guideUserId } });
    if (!guide || guide.role !== "STORE_STAFF")
      throw new AppError("FORBIDDEN", "Only store staff place orders for walk-in customers.", {
        details: { reason: "STORE_STAFF_ONLY" },
      });
    return {
      buyerType: "WALK_IN",
      userId: null,
      memberId: null,
      employeeId: null,
      guideUserId: guide.id,
      pointsBalance: 0,
    };
  }
  const user = await db.user.findUnique({
    where: { id: buyer.userId },
    include: { member: true, employee: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Unknown buyer.", { details: { reason: "ACCOUNT" } });
  if (buyer.kind === "EMPLOYEE") {
    if (!user.employee || user.role !== "EMPLOYEE")
      throw new AppError("FORBIDDEN", "This account is not an employee's.", {
        details: { reason: "NOT_EMPLOYEE" },
      });
    return {
      buyerType: "EMPLOYEE",
      userId: user.id,
      memberId: null,
      employeeId: user.employee.id,
      guideUserId: null,
      pointsBalance: 0,
    };
  }
  return {
    buyerType: "MEMBER",
    userId: user.id,
    memberId: user.member?.id ?? null,
    employeeId: null,
    guideUserId: null,
    pointsBalance: user.member?.pointsBalance ?? 0,
  };
}
