import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createShopWorld, type ShopWorld } from "./testing/shop-world";

// The actions as the browser calls them: session, cookies and database are stand-ins, the
// wrapper, validation, role check and use cases are real.
vi.mock(
  "next/headers",
  async () => (await import("@/lib/http/testing/request-stand-ins")).nextHeaders,
);
vi.mock(
  "@/lib/auth/session.server",
  async () => (await import("@/lib/http/testing/request-stand-ins")).session,
);
vi.mock(
  "@/lib/db/client.server",
  async () => (await import("@/lib/http/testing/request-stand-ins")).dbClient,
);
const { request: state } = await import("@/lib/http/testing/request-stand-ins");

const { addToCart, removeFromCart, setCartQuantity } = await import("./actions");
const { getCurrentCart } = await import("./get-cart.server");

describe("cart actions", () => {
  const db = useMigratedDatabase("pglite");
  let world: ShopWorld;
  beforeAll(async () => {
    state.prisma = db();
    world = await createShopWorld(db());
  });
  afterAll(() => {
    state.prisma = null;
  });
  beforeEach(() => {
    state.user = null;
    state.jar.clear();
  });

  const consumer = (userId: string): SessionUser => ({
    id: userId,
    email: "c@test.dev",
    name: "C",
    role: "CONSUMER",
    storeNodeId: null,
  });

  it("gives an anonymous visitor a cookie cart and answers with the item count", async () => {
    const result = await addToCart({ skuId: world.sku("tee"), quantity: 2 });
    expect(result).toEqual({
      ok: true,
      data: { skuId: world.sku("tee"), quantity: 2, itemCount: 2 },
    });
    expect(state.jar.get("onepool-cart")).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    expect((await getCurrentCart(db())).itemCount).toBe(2);
  });

  it("refuses bad input with typed errors and leaves the cart as it was", async () => {
    await addToCart({ skuId: world.sku("rare"), quantity: 1 });
    const before = await getCurrentCart(db());
    const outcomes = await Promise.all([
      addToCart({ skuId: world.sku("rare"), quantity: 0 }),
      addToCart({ skuId: world.sku("rare"), quantity: -1 }),
      addToCart({ skuId: world.sku("rare"), quantity: 1.5 }),
      setCartQuantity({ skuId: world.sku("rare"), quantity: 100 }),
      addToCart({ skuId: "no-such-sku", quantity: 1 }),
      addToCart({ skuId: world.sku("old"), quantity: 1 }),
    ]);
    expect(outcomes.map((o) => (o.ok ? "ok" : o.code))).toEqual([
      "INVALID_INPUT",
      "INVALID_INPUT",
      "INVALID_INPUT",
      "INVALID_INPUT",
      "NOT_FOUND",
      "INVALID_INPUT",
    ]);
    const above = await addToCart({ skuId: world.sku("rare"), quantity: 2 });
    expect(above).toMatchObject({ ok: false, code: "OUT_OF_STOCK", details: { available: 2 } });
    expect(await getCurrentCart(db())).toEqual(before);
    expect(await db().reservation.count()).toBe(0);
  });

  it("answers NOT_FOUND for changing a line of a cart that does not exist", async () => {
    expect(await setCartQuantity({ skuId: world.sku("tee"), quantity: 1 })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await removeFromCart({ skuId: world.sku("tee") })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(state.jar.size).toBe(0);
  });

  it("refuses staff accounts the shop cart", async () => {
    state.user = {
      id: world.staffUserId,
      email: "s@test.dev",
      name: "S",
      role: "STORE_STAFF",
      storeNodeId: world.node("near"),
    };
    expect(await addToCart({ skuId: world.sku("tee"), quantity: 1 })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db().cart.count({ where: { userId: world.staffUserId } })).toBe(0);
  });

  it("merges the visitor's cart after sign-in and forgets the cookie", async () => {
    await addToCart({ skuId: world.sku("tee"), quantity: 3 });
    state.user = consumer(world.shopper.userId);
    const result = await addToCart({ skuId: world.sku("tee"), quantity: 1 });
    expect(result).toMatchObject({ ok: true, data: { quantity: 4, itemCount: 4 } });
    expect(state.jar.has("onepool-cart")).toBe(false);
    state.user = null;
    expect((await getCurrentCart(db())).itemCount).toBe(0);
  });
});
