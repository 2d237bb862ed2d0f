/**
 * Delivery fees in fen, decided on the goods subtotal before discounts (what the shopper sees in
 * the cart), so that a coupon never turns free delivery into a charge mid-checkout:
 * - PICKUP: free.
 * - SAME_CITY: 15 CNY, free from 299 CNY (a courier rides from a nearby store).
 * - EXPRESS: 10 CNY, free from 199 CNY.
 */
export const SHIPPING_FEES = {
  PICKUP: { fee: 0, freeFrom: 0 },
  SAME_CITY: { fee: 1_500, freeFrom: 29_900 },
  EXPRESS: { fee: 1_000, freeFrom: 19_900 },
} as const satisfies Record<string, { fee: number; freeFrom: number }>;

export type FulfilmentMethodCode = keyof typeof SHIPPING_FEES;

export function shippingFeeFor(method: FulfilmentMethodCode, subtotal: number): number {
  const rule = SHIPPING_FEES[method];
  return subtotal >= rule.freeFrom ? 0 : rule.fee;
}
