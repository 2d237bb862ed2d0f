import { z } from "zod";
import { BUYER_ROLES } from "@/lib/auth/roles";

/** Most units of one SKU a cart line may hold. */
export const MAX_CART_LINE_QUANTITY = 99;
/** Most units one "add to cart" click may add at once. */
export const MAX_ADD_QUANTITY = 10;

/**
 * Carts belong to buyers: anonymous visitors and consumers (the web store) and employees (the
 * employee store); store staff and admins have their own areas.
 */
export const CART_ROLES = BUYER_ROLES;

export const cartQuantitySchema = z
  .number({ error: "Quantity must be a whole number." })
  .int("Quantity must be a whole number.")
  .min(1, "Quantity must be at least 1.")
  .max(MAX_CART_LINE_QUANTITY, `Quantity may be at most ${MAX_CART_LINE_QUANTITY}.`);

export const addToCartSchema = z.object({
  skuId: z.string().trim().min(1).max(64),
  quantity: z
    .number({ error: "Quantity must be a whole number." })
    .int("Quantity must be a whole number.")
    .min(1, "Quantity must be at least 1.")
    // Required: a call that forgets the quantity is a broken caller, not a request for one.
    .max(MAX_ADD_QUANTITY, `Add at most ${MAX_ADD_QUANTITY} at a time.`),
});

export const setCartQuantitySchema = z.object({
  skuId: z.string().trim().min(1).max(64),
  quantity: cartQuantitySchema,
});

export const removeFromCartSchema = z.object({ skuId: z.string().trim().min(1).max(64) });

/**
 * Merges an anonymous cart into a signed-in one: quantities of the same SKU add up, capped at
 * the line maximum (the cart does not reserve, so checkout re-checks stock anyway).
 */
export function mergeCartQuantities(
  into: readonly { skuId: string; quantity: number }[],
  from: readonly { skuId: string; quantity: number }[],
): { skuId: string; quantity: number }[] {
  const merged = new Map<string, number>();
  for (const line of [...into, ...from]) {
    merged.set(
      line.skuId,
      Math.min(MAX_CART_LINE_QUANTITY, (merged.get(line.skuId) ?? 0) + line.quantity),
    );
  }
  return [...merged.entries()].map(([skuId, quantity]) => ({ skuId, quantity }));
}
