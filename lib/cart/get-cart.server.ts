import "server-only";
import { hasRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session.server";
import type { Db } from "@/lib/db/transaction.server";
import { CART_ROLES, mergeCartQuantities } from "./cart-rules";
import { readCartOwner } from "./cart-owner.server";
import {
  findCartId,
  locateCartUnits,
  peekCartIds,
  type CartKey,
  type CartUnits,
} from "./cart-store.server";
import { cartTotals, EMPTY_CART, type CartView } from "./cart-view";
import { getPresaleOffers } from "./presale-offers.server";
import { loadShopOffers, shopChannelOf, WEB_SHOP, type ShopChannel } from "./shop-channel.server";

export type { CartLineView, CartView } from "./cart-view";
export { clearCartItems } from "./cart-store.server";

async function readItems(db: Db, cartIds: readonly string[]) {
  return db.cartItem.findMany({
    where: { cartId: { in: [...cartIds] } },
    orderBy: { id: "asc" },
    select: {
      cartId: true,
      skuId: true,
      quantity: true,
      sku: {
        select: {
          skuCode: true,
          color: true,
          colorZh: true,
          colorHex: true,
          size: true,
          product: { select: { styleCode: true, name: true, nameZh: true, imagePath: true } },
        },
      },
    },
  });
}
type CartItemRow = Awaited<ReturnType<typeof readItems>>[number];

/** Prices a cart's lines for its channel now (prices are not frozen in the cart). */
async function priceLines(
  db: Db,
  cartId: string,
  items: readonly Pick<CartItemRow, "skuId" | "quantity" | "sku">[],
  shop: ShopChannel,
): Promise<CartView> {
  const skuIds = items.map((i) => i.skuId);
  const [offers, presale] = await Promise.all([
    loadShopOffers(db, shop, skuIds),
    shop.code === WEB_SHOP.code ? getPresaleOffers(db, skuIds) : new Map<string, never>(),
  ]);
  const lines = items.map((item) => {
    const offer = offers.get(item.skuId);
    const unitPrice = offer?.unitPrice ?? 0;
    return {
      skuId: item.skuId,
      skuCode: item.sku.skuCode,
      styleCode: item.sku.product.styleCode,
      productName: item.sku.product.name,
      productNameZh: item.sku.product.nameZh,
      color: item.sku.color,
      colorZh: item.sku.colorZh,
      colorHex: item.sku.colorHex,
      size: item.sku.size,
      imagePath: item.sku.product.imagePath,
      quantity: item.quantity,
      unitPrice,
      lineTotal: unitPrice * item.quantity,
      available: offer?.available ?? 0,
      sellable: offer?.sellable ?? false,
      presaleShipDate: presale.get(item.skuId)?.shipDate?.toISOString() ?? null,
    };
  });
  return { cartId, lines, ...cartTotals(lines) };
}

/** A cart with its lines priced for its channel now (prices are not frozen in the cart). */
async function loadCartView(
  db: Db,
  cartId: string,
  shop: ShopChannel = WEB_SHOP,
): Promise<CartView> {
  return priceLines(db, cartId, await readItems(db, [cartId]), shop);
}

/** The cart of a key (user or anonymous token), merging a leftover anonymous cart on the way. */
export async function getCartFor(db: Db, key: CartKey): Promise<CartView> {
  const cartId = await findCartId(db, key);
  return cartId ? loadCartView(db, cartId, key.shop) : EMPTY_CART;
}

/**
 * What getCartFor would show, read without writing: a leftover anonymous cart of a signed-in
 * shopper appears merged (same rule, same cap), while the merge itself is left to the next cart
 * action or checkout. For pages, which never write while rendering.
 */
export async function peekCartFor(db: Db, key: CartKey): Promise<CartView> {
  const { cartId, unmergedCartId } = await peekCartIds(db, key);
  if (!unmergedCartId) return cartId ? loadCartView(db, cartId, key.shop) : EMPTY_CART;
  const items = await readItems(db, cartId ? [cartId, unmergedCartId] : [unmergedCartId]);
  const skuOf = new Map(items.map((i) => [i.skuId, i.sku]));
  const merged = mergeCartQuantities(
    items.filter((i) => i.cartId === cartId),
    items.filter((i) => i.cartId === unmergedCartId),
  );
  return priceLines(
    db,
    cartId ?? unmergedCartId,
    merged.flatMap((line) => {
      const sku = skuOf.get(line.skuId);
      return sku ? [{ ...line, sku }] : [];
    }),
    key.shop ?? WEB_SHOP,
  );
}

/**
 * The request's cart key: the signed-in shopper's or employee's, or the anonymous cookie's; null
 * for none.
 */
async function currentCartKey(): Promise<CartKey | null> {
  const user = await getSessionUser();
  if (user && !hasRole(user, CART_ROLES)) return null;
  const owner = await readCartOwner(user);
  if (owner.kind === "user") return cartKeyOfUser(owner, shopChannelOf(user));
  return owner.token ? { userId: null, anonymousToken: owner.token } : null;
}

/** A signed-in owner's key; an employee's cart never adopts a visitor's web cart. */
export function cartKeyOfUser(
  owner: { userId: string; anonymousToken: string | null },
  shop: ShopChannel,
): CartKey {
  return {
    userId: owner.userId,
    anonymousToken: shop.code === WEB_SHOP.code ? owner.anonymousToken : null,
    shop,
  };
}

/**
 * The signed-in consumer's cart, or the anonymous cookie's, merging a leftover anonymous cart
 * first (see getCartFor). Accounts that may not use the shop cart (staff, employees, admins) see
 * an empty one; pages and actions refuse them separately.
 */
export async function getCurrentCart(db: Db): Promise<CartView> {
  const key = await currentCartKey();
  return key ? getCartFor(db, key) : EMPTY_CART;
}

/**
 * The request's cart without its lines priced (as getCurrentCart finds it, merging a leftover
 * anonymous cart), with its units per SKU: for checkout, which looks at the stock gate before
 * anything else is read.
 */
export async function findCurrentCart(
  db: Db,
): Promise<{ cartId: string; shop: ShopChannel; channelId: string; units: CartUnits } | null> {
  const key = await currentCartKey();
  const found = key ? await locateCartUnits(db, key) : null;
  return key && found ? { ...found, shop: key.shop ?? WEB_SHOP } : null;
}

/** The same cart as getCurrentCart, read without writing (see peekCartFor): for pages. */
export async function peekCurrentCart(db: Db): Promise<CartView> {
  const key = await currentCartKey();
  return key ? peekCartFor(db, key) : EMPTY_CART;
}
