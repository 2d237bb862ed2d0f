import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { atMost } from "@/lib/errors/field-problem";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { mergeCartQuantities, MAX_CART_LINE_QUANTITY } from "./cart-rules";
import {
  assertShopCanSell,
  loadShopOffers,
  shopChannelId,
  WEB_SHOP,
  type ShopChannel,
} from "./shop-channel.server";

/**
 * Whose cart to open, as cookies and the session describe it (see cart-owner.server.ts), and the
 * channel it sells through (the web store when absent). A user has one cart per channel.
 */
export type CartKey = { userId: string | null; anonymousToken: string | null; shop?: ShopChannel };

// userId is not unique on Cart, so two first writes racing could each create one: every reader
// uses the oldest, so all agree on the same cart.
const OLDEST_CART_FIRST = [{ createdAt: "asc" }, { id: "asc" }] as const;

async function userCartId(db: Db, userId: string, channelId: string): Promise<string | null> {
  const cart = await db.cart.findFirst({
    where: { userId, channelId },
    orderBy: [...OLDEST_CART_FIRST],
    select: { id: true },
  });
  return cart?.id ?? null;
}

/**
 * Moves an anonymous cart's lines into the user's cart (quantities add up, capped) and deletes
 * the anonymous cart, in one transaction. Deleting first makes it safe under concurrency: of
 * two requests merging the same cart, only the one whose delete removed the row adds the lines.
 * Returns whether anything was merged.
 */
export async function mergeAnonymousCart(
  db: Db,
  input: { userId: string; anonymousToken: string; channelId: string },
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const anonymous = await tx.cart.findUnique({
      where: { anonymousToken: input.anonymousToken },
      select: { id: true, userId: true, items: { select: { skuId: true, quantity: true } } },
    });
    if (!anonymous || anonymous.userId !== null) return false;
    const removed = await tx.cart.deleteMany({ where: { id: anonymous.id, userId: null } });
    if (removed.count !== 1) return false;
    const cartId = await getOrCreateUserCart(tx, input.userId, input.channelId);
    const existing = await tx.cartItem.findMany({
      where: { cartId },
      select: { skuId: true, quantity: true },
    });
    for (const line of mergeCartQuantities(existing, anonymous.items)) {
      await tx.cartItem.upsert({
        where: { cartId_skuId: { cartId, skuId: line.skuId } },
        create: { cartId, skuId: line.skuId, quantity: line.quantity },
        update: { quantity: line.quantity },
      });
    }
    return anonymous.items.length > 0;
  });
}

async function getOrCreateUserCart(db: Db, userId: string, channelId: string): Promise<string> {
  const found = await userCartId(db, userId, channelId);
  if (found) return found;
  const created = await db.cart.create({ data: { userId, channelId }, select: { id: true } });
  return created.id;
}

/**
 * The cart a key points at, or null when there is none yet. A signed-in key that still carries an
 * anonymous token merges that cart first: this is where sign-in "adopts" the visitor's cart,
 * because the sign-in callback cannot see the browser's cookies reliably.
 */
export async function findCartId(db: Db, key: CartKey): Promise<string | null> {
  return (await locateCart(db, key)).cartId;
}

/** findCartId with the shop channel it read on the way (see locateCartUnits). */
async function locateCart(
  db: Db,
  key: CartKey,
): Promise<{ cartId: string | null; channelId: string }> {
  const channelId = await shopChannelId(db, key.shop);
  if (key.userId) {
    // A visitor's cart is a web cart: only a web cart adopts it.
    if (key.anonymousToken && isWebKey(key))
      await mergeAnonymousCart(db, {
        userId: key.userId,
        anonymousToken: key.anonymousToken,
        channelId,
      });
    return { cartId: await userCartId(db, key.userId, channelId), channelId };
  }
  const cartId = key.anonymousToken ? await anonymousCartId(db, key.anonymousToken) : null;
  return { cartId, channelId };
}

/** A cart's units per SKU, in cart order. */
export type CartUnits = Map<string, number>;

const unitsOf = (items: readonly { skuId: string; quantity: number }[]): CartUnits =>
  new Map(items.map((i) => [i.skuId, i.quantity]));

/**
 * locateCart with the cart's units, for checkout: a signed-in key with nothing to merge is read
 * in one statement (channel, oldest cart, lines), because every press of "Place order" starts
 * here, also the presses the stock gate then refuses. Null when the key has no cart; a closed
 * shop is refused as locateCart refuses it.
 */
export async function locateCartUnits(
  db: Db,
  key: CartKey,
): Promise<{ cartId: string; channelId: string; units: CartUnits } | null> {
  if (!key.userId || (key.anonymousToken && isWebKey(key))) {
    const { cartId, channelId } = await locateCart(db, key);
    if (!cartId) return null;
    const items = await db.cartItem.findMany({
      where: { cartId },
      orderBy: { id: "asc" },
      select: { skuId: true, quantity: true },
    });
    return { cartId, channelId, units: unitsOf(items) };
  }
  const shop = key.shop ?? WEB_SHOP;
  const cart = await db.cart.findFirst({
    where: { userId: key.userId, channel: { code: shop.code } },
    orderBy: [...OLDEST_CART_FIRST],
    select: {
      id: true,
      channelId: true,
      channel: { select: { active: true } },
      items: { orderBy: { id: "asc" }, select: { skuId: true, quantity: true } },
    },
  });
  if (!cart || !cart.channel.active) {
    await shopChannelId(db, shop); // refuses a closed shop
    if (!cart) return null;
  }
  return { cartId: cart.id, channelId: cart.channelId, units: unitsOf(cart.items) };
}

/**
 * Read-only twin of findCartId, for pages: the key's cart and, for a signed-in key that still
 * carries a token, the anonymous cart findCartId would merge into it. Nothing is merged.
 */
export async function peekCartIds(
  db: Db,
  key: CartKey,
): Promise<{ cartId: string | null; unmergedCartId: string | null }> {
  const channelId = await shopChannelId(db, key.shop);
  const anonymous =
    key.anonymousToken && isWebKey(key) ? await anonymousCartId(db, key.anonymousToken) : null;
  if (!key.userId) return { cartId: anonymous, unmergedCartId: null };
  return { cartId: await userCartId(db, key.userId, channelId), unmergedCartId: anonymous };
}

function isWebKey(key: CartKey): boolean {
  return (key.shop ?? WEB_SHOP).code === WEB_SHOP.code;
}

/** The anonymous cart of a token, or null (none, or adopted by an account already). */
async function anonymousCartId(db: Db, anonymousToken: string): Promise<string | null> {
  const cart = await db.cart.findUnique({
    where: { anonymousToken },
    select: { id: true, userId: true },
  });
  return cart && cart.userId === null ? cart.id : null;
}

/** The key's cart, created when missing. */
export async function openCart(db: Db, key: CartKey): Promise<string> {
  const found = await findCartId(db, key);
  if (found) return found;
  const channelId = await shopChannelId(db, key.shop);
  if (key.userId) return getOrCreateUserCart(db, key.userId, channelId);
  if (!key.anonymousToken) throw new AppError("INTERNAL", "An anonymous cart needs a token.");
  const created = await db.cart.create({
    data: { anonymousToken: key.anonymousToken, channelId },
    select: { id: true },
  });
  return created.id;
}

async function currentQuantity(db: Db, cartId: string, skuId: string): Promise<number> {
  const item = await db.cartItem.findUnique({
    where: { cartId_skuId: { cartId, skuId } },
    select: { quantity: true },
  });
  return item?.quantity ?? 0;
}

/** The units of one SKU a cart line may hold in a cart of `shop`. */
type LineWrite = { cartId: string; skuId: string; quantity: number; shop?: ShopChannel };

/** Sets a line to an exact quantity after checking the cart's channel can sell that many. */
async function writeLine(db: Db, { cartId, skuId, quantity, shop }: LineWrite): Promise<number> {
  if (quantity > MAX_CART_LINE_QUANTITY) {
    throw new AppError("INVALID_INPUT", `A cart line may hold at most ${MAX_CART_LINE_QUANTITY}.`, {
      fieldErrors: { quantity: [atMost(MAX_CART_LINE_QUANTITY)] },
      details: { reason: "LINE_LIMIT", max: MAX_CART_LINE_QUANTITY },
    });
  }
  const offers = await loadShopOffers(db, shop ?? WEB_SHOP, [skuId]);
  assertShopCanSell(offers.get(skuId), quantity);
  await db.cartItem.upsert({
    where: { cartId_skuId: { cartId, skuId } },
    create: { cartId, skuId, quantity },
    update: { quantity },
  });
  await db.cart.update({ where: { id: cartId }, data: { updatedAt: new Date() } });
  return quantity;
}

/** Adds units of a SKU; refusals (unknown, not sold in the channel, above stock) change nothing. */
export async function addCartItem(db: Db, input: LineWrite) {
  const had = await currentQuantity(db, input.cartId, input.skuId);
  const quantity = await writeLine(db, { ...input, quantity: had + input.quantity });
  return { skuId: input.skuId, quantity };
}

/** Sets a line's quantity (the cart page's stepper). */
export async function setCartItemQuantity(db: Db, input: LineWrite) {
  if ((await currentQuantity(db, input.cartId, input.skuId)) === 0) {
    throw new AppError("NOT_FOUND", "That item is not in your cart.", {
      details: { reason: "CART_ITEM" },
    });
  }
  const quantity = await writeLine(db, input);
  return { skuId: input.skuId, quantity };
}

export async function removeCartItem(db: Db, input: { cartId: string; skuId: string }) {
  const removed = await db.cartItem.deleteMany({
    where: { cartId: input.cartId, skuId: input.skuId },
  });
  if (removed.count === 0)
    throw new AppError("NOT_FOUND", "That item is not in your cart.", {
      details: { reason: "CART_ITEM" },
    });
  return { skuId: input.skuId };
}

/** Empties the given lines (checkout calls this once an order holds them). */
export async function clearCartItems(
  db: Db,
  input: { cartId: string; skuIds: readonly string[] },
): Promise<{ removed: number }> {
  const removed = await db.cartItem.deleteMany({
    where: { cartId: input.cartId, skuId: { in: [...input.skuIds] } },
  });
  return { removed: removed.count };
}

/** Units in a cart, for the count beside the cart link. */
export async function countCartItems(db: Db, cartId: string): Promise<number> {
  const sum = await db.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}
