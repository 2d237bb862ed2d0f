import { beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refusalOf } from "@/lib/reservations/test-world";
import { addToCartSchema, setCartQuantitySchema } from "./cart-rules";
import {
  addCartItem,
  clearCartItems,
  findCartId,
  locateCartUnits,
  mergeAnonymousCart,
  openCart,
  removeCartItem,
  setCartItemQuantity,
} from "./cart-store.server";
import { getCartFor, peekCartFor } from "./get-cart.server";
import { createShopWorld, type ShopWorld } from "./testing/shop-world";

let tokenCount = 0;
const newToken = () => `anon-token-${Date.now()}-${++tokenCount}-abcdefgh`;

async function linesOf(prisma: PrismaClient, cartId: string) {
  const items = await prisma.cartItem.findMany({ where: { cartId }, orderBy: { skuId: "asc" } });
  return Object.fromEntries(items.map((i) => [i.skuId, i.quantity]));
}

/** Cart behaviour shared by the PGlite and PostgreSQL runs. */
export function defineCartTests(db: () => PrismaClient, options: { concurrent: boolean }) {
  let world: ShopWorld;
  beforeAll(async () => {
    world = await createShopWorld(db());
  });

  it("keeps an anonymous cart server-side: adds sum up and the view prices every line in fen", async () => {
    const prisma = db();
    const key = { userId: null, anonymousToken: newToken() };
    expect(await findCartId(prisma, key)).toBeNull();
    const cartId = await openCart(prisma, key);
    await addCartItem(prisma, { cartId, skuId: world.sku("tee"), quantity: 2 });
    await addCartItem(prisma, { cartId, skuId: world.sku("tee"), quantity: 3 });
    await addCartItem(prisma, { cartId, skuId: world.sku("rare"), quantity: 1 });
    const view = await getCartFor(prisma, key);
    expect(view.cartId).toBe(cartId);
    expect(view.itemCount).toBe(6);
    expect(view.subtotal).toBe(6 * 59_900);
    const tee = view.lines.find((l) => l.skuId === world.sku("tee"))!;
    expect(tee).toMatchObject({
      quantity: 5,
      unitPrice: 59_900,
      lineTotal: 299_500,
      available: 10,
      sellable: true,
      color: "Black",
    });
  });

  it("refuses unknown SKUs, clearance styles and more than the web channel can sell, changing nothing", async () => {
    const prisma = db();
    const cartId = await openCart(prisma, { userId: null, anonymousToken: newToken() });
    await addCartItem(prisma, { cartId, skuId: world.sku("rare"), quantity: 1 });
    const before = await linesOf(prisma, cartId);

    expect(
      (await refusalOf(addCartItem(prisma, { cartId, skuId: "no-such-sku", quantity: 1 }))).code,
    ).toBe("NOT_FOUND");
    const clearance = await refusalOf(
      addCartItem(prisma, { cartId, skuId: world.sku("old"), quantity: 1 }),
    );
    expect(clearance.code).toBe("INVALID_INPUT");
    expect(clearance.details).toMatchObject({ reason: "NOT_SOLD_ONLINE" });
    const above = await refusalOf(
      addCartItem(prisma, { cartId, skuId: world.sku("rare"), quantity: 2 }),
    );
    expect(above.code).toBe("OUT_OF_STOCK");
    expect(above.details).toMatchObject({ available: 2 });
    const limit = await refusalOf(
      setCartItemQuantity(prisma, { cartId, skuId: world.sku("rare"), quantity: 100 }),
    );
    expect(limit.code).toBe("INVALID_INPUT");
    expect(
      (
        await refusalOf(
          setCartItemQuantity(prisma, { cartId, skuId: world.sku("tee"), quantity: 1 }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await refusalOf(removeCartItem(prisma, { cartId, skuId: world.sku("tee") }))).code,
    ).toBe("NOT_FOUND");

    expect(await linesOf(prisma, cartId)).toEqual(before);
    const reservations = await prisma.reservation.count();
    expect(reservations).toBe(0);
  });

  it.each([
    ["0", 0],
    ["a negative number", -1],
    ["a fraction", 1.5],
    ["more than 99", 100],
  ])("rejects a quantity of %s before anything runs", (_label, quantity) => {
    expect(setCartQuantitySchema.safeParse({ skuId: "x", quantity }).success).toBe(false);
    expect(addToCartSchema.safeParse({ skuId: "x", quantity }).success).toBe(false);
  });

  it("sells presale units beyond stock up to the cap", async () => {
    const prisma = db();
    const cartId = await openCart(prisma, { userId: null, anonymousToken: newToken() });
    await addCartItem(prisma, { cartId, skuId: world.sku("pre"), quantity: 3 });
    const refusal = await refusalOf(
      addCartItem(prisma, { cartId, skuId: world.sku("pre"), quantity: 1 }),
    );
    expect(refusal.code).toBe("OUT_OF_STOCK");
    expect(refusal.details).toMatchObject({ available: 3 });
  });

  it("sets, removes and clears lines", async () => {
    const prisma = db();
    const cartId = await openCart(prisma, { userId: null, anonymousToken: newToken() });
    await addCartItem(prisma, { cartId, skuId: world.sku("tee"), quantity: 1 });
    await addCartItem(prisma, { cartId, skuId: world.sku("rare"), quantity: 1 });
    await addCartItem(prisma, { cartId, skuId: world.sku("pre"), quantity: 1 });
    await setCartItemQuantity(prisma, { cartId, skuId: world.sku("tee"), quantity: 7 });
    await removeCartItem(prisma, { cartId, skuId: world.sku("rare") });
    expect(await linesOf(prisma, cartId)).toEqual({ [world.sku("tee")]: 7, [world.sku("pre")]: 1 });
    expect(await clearCartItems(prisma, { cartId, skuIds: [world.sku("tee")] })).toEqual({
      removed: 1,
    });
    expect(await linesOf(prisma, cartId)).toEqual({ [world.sku("pre")]: 1 });
  });

  it("merges the anonymous cart into the signed-in one on the first read after sign-in", async () => {
    const prisma = db();
    const buyer = await world.addMember();
    const token = newToken();
    const anonymousCart = await openCart(prisma, { userId: null, anonymousToken: token });
    await addCartItem(prisma, { cartId: anonymousCart, skuId: world.sku("tee"), quantity: 3 });
    await addCartItem(prisma, { cartId: anonymousCart, skuId: world.sku("rare"), quantity: 1 });
    const userCart = await openCart(prisma, { userId: buyer.userId, anonymousToken: null });
    await addCartItem(prisma, { cartId: userCart, skuId: world.sku("tee"), quantity: 2 });

    const view = await getCartFor(prisma, { userId: buyer.userId, anonymousToken: token });
    expect(view.cartId).toBe(userCart);
    expect(await linesOf(prisma, userCart)).toEqual({
      [world.sku("tee")]: 5,
      [world.sku("rare")]: 1,
    });
    expect(await prisma.cart.findUnique({ where: { id: anonymousCart } })).toBeNull();
    // The token is spent: the anonymous view is empty and a second merge adds nothing.
    expect((await getCartFor(prisma, { userId: null, anonymousToken: token })).lines).toEqual([]);
    await getCartFor(prisma, { userId: buyer.userId, anonymousToken: token });
    expect(await linesOf(prisma, userCart)).toEqual({
      [world.sku("tee")]: 5,
      [world.sku("rare")]: 1,
    });
  });

  it("shows a page the merged cart without merging it: the next read that may write does", async () => {
    const prisma = db();
    const buyer = await world.addMember();
    const token = newToken();
    const anonymousCart = await openCart(prisma, { userId: null, anonymousToken: token });
    await addCartItem(prisma, { cartId: anonymousCart, skuId: world.sku("tee"), quantity: 3 });
    await addCartItem(prisma, { cartId: anonymousCart, skuId: world.sku("rare"), quantity: 1 });
    const userCart = await openCart(prisma, { userId: buyer.userId, anonymousToken: null });
    await addCartItem(prisma, { cartId: userCart, skuId: world.sku("tee"), quantity: 2 });
    const key = { userId: buyer.userId, anonymousToken: token };

    const peeked = await peekCartFor(prisma, key);
    expect(peeked.cartId).toBe(userCart);
    expect(peeked.lines.map((l) => [l.skuId, l.quantity])).toEqual([
      [world.sku("tee"), 5],
      [world.sku("rare"), 1],
    ]);
    expect(peeked.itemCount).toBe(6);
    // Nothing was written: both carts are as they were.
    expect(await linesOf(prisma, userCart)).toEqual({ [world.sku("tee")]: 2 });
    expect(await linesOf(prisma, anonymousCart)).toEqual({
      [world.sku("tee")]: 3,
      [world.sku("rare")]: 1,
    });

    const merged = await getCartFor(prisma, key);
    expect(merged.lines.map((l) => [l.skuId, l.quantity])).toEqual(
      peeked.lines.map((l) => [l.skuId, l.quantity]),
    );
    expect(merged.subtotal).toBe(peeked.subtotal);
    expect(await peekCartFor(prisma, key)).toEqual(merged);
  });

  it("adopts the anonymous cart when the shopper had none, and caps merged lines at 99", async () => {
    const prisma = db();
    const buyer = await world.addMember();
    const token = newToken();
    const anonymousCart = await openCart(prisma, { userId: null, anonymousToken: token });
    await prisma.cartItem.create({
      data: { cartId: anonymousCart, skuId: world.sku("tee"), quantity: 60 },
    });
    expect(
      await mergeAnonymousCart(prisma, {
        userId: buyer.userId,
        anonymousToken: token,
        channelId: world.webChannelId,
      }),
    ).toBe(true);
    const userCart = (await findCartId(prisma, { userId: buyer.userId, anonymousToken: null }))!;
    expect(await linesOf(prisma, userCart)).toEqual({ [world.sku("tee")]: 60 });

    const again = newToken();
    const second = await openCart(prisma, { userId: null, anonymousToken: again });
    await prisma.cartItem.create({
      data: { cartId: second, skuId: world.sku("tee"), quantity: 60 },
    });
    await findCartId(prisma, { userId: buyer.userId, anonymousToken: again });
    expect(await linesOf(prisma, userCart)).toEqual({ [world.sku("tee")]: 99 });
  });

  it("reads checkout's cart with its units: the oldest cart of the shop, lines in cart order", async () => {
    const prisma = db();
    const buyer = await world.addMember();
    const key = { userId: buyer.userId, anonymousToken: null };
    expect(await locateCartUnits(prisma, key)).toBeNull();
    const web = await prisma.channel.findUniqueOrThrow({ where: { code: "WEB" } });
    const oldest = await prisma.cart.create({
      data: { userId: buyer.userId, channelId: web.id, createdAt: new Date(Date.now() - 60_000) },
    });
    const newer = await prisma.cart.create({ data: { userId: buyer.userId, channelId: web.id } });
    await addCartItem(prisma, { cartId: newer.id, skuId: world.sku("rare"), quantity: 1 });
    await addCartItem(prisma, { cartId: oldest.id, skuId: world.sku("tee"), quantity: 2 });
    await addCartItem(prisma, { cartId: oldest.id, skuId: world.sku("rare"), quantity: 1 });

    const found = await locateCartUnits(prisma, key);
    expect(found).toMatchObject({ cartId: oldest.id, channelId: web.id });
    expect([...found!.units]).toEqual([
      [world.sku("tee"), 2],
      [world.sku("rare"), 1],
    ]);
    // A leftover visitor's cart is merged first, as every other read that may write does.
    const token = newToken();
    const visitor = await openCart(prisma, { userId: null, anonymousToken: token });
    await addCartItem(prisma, { cartId: visitor, skuId: world.sku("tee"), quantity: 1 });
    const merged = await locateCartUnits(prisma, { userId: buyer.userId, anonymousToken: token });
    expect(merged?.cartId).toBe(oldest.id);
    expect(merged?.units.get(world.sku("tee"))).toBe(3);
  });

  it("refuses checkout's cart read while the shop is closed, with or without a cart", async () => {
    const prisma = db();
    const withCart = await world.addMember();
    const cartId = await openCart(prisma, { userId: withCart.userId, anonymousToken: null });
    await addCartItem(prisma, { cartId, skuId: world.sku("tee"), quantity: 1 });
    const withoutCart = await world.addMember();
    await prisma.channel.update({ where: { code: "WEB" }, data: { active: false } });
    try {
      for (const buyer of [withCart, withoutCart]) {
        const refusal = await refusalOf(
          locateCartUnits(prisma, { userId: buyer.userId, anonymousToken: null }),
        );
        expect(refusal.details).toMatchObject({ reason: "SHOP_CLOSED" });
      }
    } finally {
      await prisma.channel.update({ where: { code: "WEB" }, data: { active: true } });
    }
    expect(await linesOf(prisma, cartId)).toEqual({ [world.sku("tee")]: 1 });
  });

  if (options.concurrent) {
    it("merges once when several first requests after sign-in race", async () => {
      const prisma = db();
      const buyer = await world.addMember();
      const token = newToken();
      const anonymousCart = await openCart(prisma, { userId: null, anonymousToken: token });
      await addCartItem(prisma, { cartId: anonymousCart, skuId: world.sku("tee"), quantity: 2 });
      const userCart = await openCart(prisma, { userId: buyer.userId, anonymousToken: null });
      await addCartItem(prisma, { cartId: userCart, skuId: world.sku("tee"), quantity: 1 });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          findCartId(prisma, { userId: buyer.userId, anonymousToken: token }),
        ),
      );
      expect(outcomes.every((o) => o.status === "fulfilled" && o.value === userCart)).toBe(true);
      expect(await linesOf(prisma, userCart)).toEqual({ [world.sku("tee")]: 3 });
    });
  }
}
