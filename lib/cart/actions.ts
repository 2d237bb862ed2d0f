"use server";

import { defineAction } from "@/lib/actions/safe-action.server";
import type { SessionUser } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client.server";
import { withTransaction } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { addToCartSchema, removeFromCartSchema, setCartQuantitySchema } from "./cart-rules";
import { dropCartToken, issueCartToken, readCartOwner } from "./cart-owner.server";
import { cartKeyOfUser } from "./get-cart.server";
import { shopChannelOf } from "./shop-channel.server";
import {
  addCartItem,
  countCartItems,
  findCartId,
  openCart,
  removeCartItem,
  setCartItemQuantity,
  type CartKey,
} from "./cart-store.server";

/** The caller's cart key; an anonymous visitor without a cookie gets one when `create` is set. */
async function cartKeyOf(user: SessionUser | null, create: boolean): Promise<CartKey | null> {
  const owner = await readCartOwner(user);
  if (owner.kind === "user") return cartKeyOfUser(owner, shopChannelOf(user));
  if (owner.token) return { userId: null, anonymousToken: owner.token };
  return create ? { userId: null, anonymousToken: await issueCartToken() } : null;
}

/**
 * Opening a signed-in key merged the visitor's anonymous cart (see findCartId); the cookie is
 * dropped only now, so a failed merge leaves it to be tried again.
 */
async function forgetMergedToken(key: CartKey): Promise<void> {
  if (key.userId && key.anonymousToken) await dropCartToken();
}

/**
 * Adds units of one SKU to the caller's cart: a shopper's web cart, or an employee's employee-store
 * cart (anyone may shop; staff and admin accounts may not).
 */
export const addToCart = defineAction({
  input: addToCartSchema,
  access: "public",
  handler: async ({ skuId, quantity }, { user }) => {
    const key = await cartKeyOf(user, true);
    if (!key) throw new AppError("INTERNAL", "The cart could not be opened.");
    // One transaction, so that a refused item (unknown, not sold online) leaves no empty cart.
    const added = await withTransaction(await getDb(), async (tx) => {
      const cartId = await openCart(tx, key);
      const line = await addCartItem(tx, { cartId, skuId, quantity, shop: key.shop });
      return { ...line, itemCount: await countCartItems(tx, cartId) };
    });
    await forgetMergedToken(key);
    return added;
  },
});

export const setCartQuantity = defineAction({
  input: setCartQuantitySchema,
  access: "public",
  handler: async ({ skuId, quantity }, { user }) => {
    const db = await getDb();
    const key = await cartKeyOf(user, false);
    const cartId = key ? await findCartId(db, key) : null;
    if (key) await forgetMergedToken(key);
    if (!cartId) return notInCart();
    const line = await setCartItemQuantity(db, { cartId, skuId, quantity, shop: key?.shop });
    return { ...line, itemCount: await countCartItems(db, cartId) };
  },
});

export const removeFromCart = defineAction({
  input: removeFromCartSchema,
  access: "public",
  handler: async ({ skuId }, { user }) => {
    const db = await getDb();
    const key = await cartKeyOf(user, false);
    const cartId = key ? await findCartId(db, key) : null;
    if (key) await forgetMergedToken(key);
    if (!cartId) return notInCart();
    await removeCartItem(db, { cartId, skuId });
    return { skuId, itemCount: await countCartItems(db, cartId) };
  },
});

function notInCart(): never {
  throw new AppError("NOT_FOUND", "That item is not in your cart.", {
    details: { reason: "CART_ITEM" },
  });
}
