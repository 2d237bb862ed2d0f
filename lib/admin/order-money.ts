import { FEN_PER_POINT } from "@/lib/pricing/price-order";

type StoredLine = {
  id: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
};

type StoredOrder = {
  lines: readonly StoredLine[];
  subtotal: number;
  discountTotal: number;
  pointsRedeemed: number;
  shippingFee: number;
  total: number;
};

export type OrderMoney = {
  lines: {
    id: string;
    quantity: number;
    unitPrice: number;
    amount: number;
    discount: number;
    net: number;
  }[];
  /** Σ line amounts (quantity × unit price), before the discount. */
  subtotal: number;
  /** Σ line discounts: the coupon, spread over the lines. */
  discount: number;
  /** What the redeemed points took off, in fen. */
  points: number;
  shipping: number;
  /** subtotal − discount − points + shipping. */
  total: number;
  /** False when the stored order's figures do not add up to the same amounts. */
  matchesStored: boolean;
};

/**
 * The money of an order as one consistent statement, all in fen: each line's amount before the
 * discount, its share of the discount and what is left; the lines add up to the subtotal, and
 * subtotal − discount − points + shipping is the total. The stored figures are checked against it.
 */
export function orderMoney(order: StoredOrder): OrderMoney {
  const lines = order.lines.map((l) => {
    const amount = l.quantity * l.unitPrice;
    return {
      id: l.id,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount,
      discount: l.discount,
      net: amount - l.discount,
    };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const discount = lines.reduce((sum, l) => sum + l.discount, 0);
  const points = order.pointsRedeemed * FEN_PER_POINT;
  const total = subtotal - discount - points + order.shippingFee;
  const matchesStored =
    subtotal === order.subtotal &&
    discount === order.discountTotal &&
    total === order.total &&
    order.lines.every((l, i) => l.lineTotal === lines[i]!.net);
  return { lines, subtotal, discount, points, shipping: order.shippingFee, total, matchesStored };
}
