import { beforeAll, describe, expect, it, vi } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld, type World } from "@/lib/reservations/test-world";

// Checkout places what the checkout page shows: the cart lines the web store sells now. Lines
// that stopped selling while they sat in the cart stay there, untouched and unreserved.
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

const { addToCart } = await import("@/lib/cart/actions");
const { getCurrentCart } = await import("@/lib/cart/get-cart.server");
const { placeCheckoutOrder } = await import("./actions");

describe("checkout takes the cart lines the shop sells now", () => {
  const db = useMigratedDatabase("pglite");
  let world: World;
  let keys = 0;

  beforeAll(async () => {
    const prisma = db();
    state.prisma = prisma;
    world = await createWorld(prisma, {
      nodes: ["near"],
      channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
      skus: {
        tee: { stock: { near: 10 } },
        shoe: { stock: { near: 10 } },
        old: { stock: { near: 10 } },
      },
    });
    await prisma.channel.update({ where: { id: world.channel("web") }, data: { code: "WEB" } });
    const member = await prisma.user.create({
      data: {
        email: "sellable@test.dev",
        name: "Member",
        passwordHash: "-",
        role: "CONSUMER",
        member: { create: { memberNo: "M-SELLABLE" } },
      },
    });
    state.user = {
      id: member.id,
      email: member.email,
      name: "Member",
      role: "CONSUMER",
      storeNodeId: null,
    };
  });

  const checkout = () =>
    placeCheckoutOrder({
      idempotencyKey: `sellable-${++keys}-${Date.now()}`,
      method: "PICKUP",
      storeNodeId: world.node("near"),
      contactName: "Li Lei",
    });
  const reserved = (key: string) =>
    db().reservation.count({ where: { skuId: world.sku(key), status: "ACTIVE" } });

  it("places the lines still sold and leaves the unlisted and clearance lines in the cart", async () => {
    for (const key of ["tee", "shoe", "old"])
      expect(await addToCart({ skuId: world.sku(key), quantity: 1 })).toMatchObject({ ok: true });
    // While the cart waits, HQ stops selling `shoe` online and `old` goes to clearance.
    await db().allocationPolicy.create({
      data: {
        channelId: world.channel("web"),
        scope: "SKU",
        skuId: world.sku("shoe"),
        mode: "FIXED",
        fixedQty: 0,
      },
    });
    const source = await db().product.findFirstOrThrow({
      where: { skus: { some: { id: world.sku("old") } } },
    });
    const clearance = await db().product.create({
      data: {
        ...source,
        id: `${source.id}-cl`,
        styleCode: `${source.styleCode}-CL`,
        lifecycle: "CLEARANCE",
      },
    });
    await db().sku.update({ where: { id: world.sku("old") }, data: { productId: clearance.id } });
    const cart = await getCurrentCart(db());
    expect(cart.lines.map((l) => [l.skuId, l.sellable])).toEqual([
      [world.sku("tee"), true],
      [world.sku("shoe"), false],
      [world.sku("old"), false],
    ]);

    const placed = await checkout();
    expect(placed).toMatchObject({ ok: true });
    if (!placed.ok) return;
    const order = await db().order.findUniqueOrThrow({
      where: { orderNo: placed.data.orderNo },
      include: { lines: true },
    });
    expect(order.lines.map((l) => [l.skuId, l.quantity])).toEqual([[world.sku("tee"), 1]]);
    expect([await reserved("tee"), await reserved("shoe"), await reserved("old")]).toEqual([
      1, 0, 0,
    ]);
    expect((await getCurrentCart(db())).lines.map((l) => l.skuId)).toEqual([
      world.sku("shoe"),
      world.sku("old"),
    ]);
  });

  it("refuses a cart of lines no longer sold as empty, reserving nothing", async () => {
    const before = await db().reservation.count();
    expect(await checkout()).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      details: { reason: "CART_EMPTY" },
    });
    expect(await db().reservation.count()).toBe(before);
    expect((await getCurrentCart(db())).itemCount).toBe(2);
  });
});
