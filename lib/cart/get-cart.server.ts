import "server-only";
import { hasRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import type { Db } from "@/lib/db/transaction.server";
import { CART_ROLES } from "./cart-rules";
import { readCartOwner } from "./cart-owner.server";
import { clearCartItems as clearItems, findCartId, type CartKey } from "./cart-store.server";
import { cartTotals, EMPTY_CART, type CartView } from "./cart-view";
import { loadWebOffers } from "./web-channel.server";

export type { CartLineView, CartView } from "./cart-view";

/** A cart with its lines priced for the web channel now (prices are not frozen in the cart). */
export async function loadCartView(prisma: Db, cartId: string): Promise<CartView> {
  const items = await prisma.cartItem.findMany({
    where: { cartId },
    orderBy: { id: "asc" },
    select: {
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
  const offers = await loadWebOffers(
    prisma,
    items.map((i) => i.skuId),
  );
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
    };
  });
  return { cartId, lines, ...cartTotals(lines) };
}

/** The cart of a key (user or anonymous token), merging a leftover anonymous cart on the way. */
export async function getCartFor(prisma: Db, key: CartKey): Promise<CartView> {
  const cartId = await findCartId(prisma, key);
  return cartId ? loadCartView(prisma, cartId) : EMPTY_CART;
}

/**
 * The signed-in consumer's cart, or the anonymous cookie's. Accounts that may not use the shop
 * cart (staff, employees, admins) see an empty one; pages and actions refuse them separately.
 */
export async function getCurrentCart(): Promise<CartView> {
  const user = await getSessionUser();
  if (user && !hasRole(user, CART_ROLES)) return EMPTY_CART;
  const owner = await readCartOwner(user);
  const prisma = await getDb();
  if (owner.kind === "user")
    return getCartFor(prisma, { userId: owner.userId, anonymousToken: owner.anonymousToken });
  return owner.token
    ? getCartFor(prisma, { userId: null, anonymousToken: owner.token })
    : EMPTY_CART;
}

/** Removes the given SKUs from a cart, e.g. once checkout placed them in an order. */
export async function clearCartItems(input: {
  prisma?: Db;
  cartId: string;
  skuIds: readonly string[];
}) {
  return clearItems({
    prisma: input.prisma ?? (await getDb()),
    cartId: input.cartId,
    skuIds: input.skuIds,
  });
}
