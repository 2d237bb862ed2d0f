import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/roles";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { quotaPeriodKey } from "@/lib/employee/quota";
import { quotaUsage } from "@/lib/employee/testing/employee-world";
import { createWorld, type World } from "@/lib/reservations/test-world";

// The employee store as the browser drives it: the cart and checkout actions with a stand-in
// session and cookie jar; wrapper, validation, role checks, cart, order engine and quota are real.
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

const { addToCart, setCartQuantity } = await import("@/lib/cart/actions");
const { getCurrentCart } = await import("@/lib/cart/get-cart.server");
const { placeCheckoutOrder } = await import("./actions");

const LIST = 59_900;
/** List less the policy's 30 % (lib/employee/quota.ts). */
const EMPLOYEE_PRICE = 41_930;

describe("employee store: cart and checkout through the one checkout core", () => {
  const db = useMigratedDatabase("pglite");
  let world: World;
  let employee: SessionUser;
  let employeeId: string;
  let policyId: string;
  let consumer: SessionUser;
  let keys = 0;

  beforeAll(async () => {
    const prisma = db();
    state.prisma = prisma;
    // The employee channel lists `tee` with 3 units of its own; `cap` only sells on the web.
    world = await createWorld(prisma, {
      nodes: ["near"],
      channels: {
        web: { priority: 1, policy: { mode: "SHARED" } },
        staff: { priority: 2, policy: null, skuPolicies: { tee: { mode: "FIXED", fixedQty: 3 } } },
      },
      skus: { tee: { stock: { near: 10 } }, cap: { stock: { near: 5 } } },
    });
    await prisma.channel.update({ where: { id: world.channel("web") }, data: { code: "WEB" } });
    await prisma.channel.update({
      where: { id: world.channel("staff") },
      data: { code: "EMPLOYEE", kind: "EMPLOYEE" },
    });
    await prisma.node.update({
      where: { id: world.node("near") },
      data: { latitude: 31.2304, longitude: 121.4737 },
    });
    const suffix = world.node("near").split("_").pop() ?? "";
    const org = await prisma.organization.findFirstOrThrow({
      where: { code: { endsWith: suffix } },
    });
    const policy = await prisma.employeeQuotaPolicy.create({
      data: {
        name: "Staff",
        period: "MONTH",
        maxUnits: 10,
        maxSpend: 10 * EMPLOYEE_PRICE,
        maxPerSku: 2,
        discountBps: 3000,
      },
    });
    policyId = policy.id;
    const user = await prisma.user.create({
      data: {
        email: "emp@test.dev",
        name: "Wang Fang",
        passwordHash: "-",
        role: "EMPLOYEE",
        employee: {
          create: { employeeNo: "E-1", organizationId: org.id, quotaPolicyId: policy.id },
        },
      },
      include: { employee: true },
    });
    employeeId = user.employee!.id;
    employee = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: "EMPLOYEE",
      storeNodeId: null,
    };
    const member = await prisma.user.create({
      data: {
        email: "member@test.dev",
        name: "Member",
        passwordHash: "-",
        role: "CONSUMER",
        member: { create: { memberNo: "M-1" } },
      },
    });
    consumer = {
      id: member.id,
      email: member.email,
      name: "Member",
      role: "CONSUMER",
      storeNodeId: null,
    };
  });
  afterAll(() => {
    state.prisma = null;
  });
  beforeEach(() => {
    state.user = employee;
    state.jar.clear();
  });

  const checkout = () =>
    placeCheckoutOrder({
      idempotencyKey: `employee-checkout-${++keys}-${Date.now()}`,
      method: "PICKUP",
      storeNodeId: world.node("near"),
      contactName: "Wang Fang",
    });

  const reservations = () => db().reservation.count({ where: { skuId: world.sku("tee") } });

  it("prices the employee's cart at employee prices from the employee channel's allocation", async () => {
    expect(await addToCart({ skuId: world.sku("tee"), quantity: 1 })).toMatchObject({ ok: true });
    const cart = await getCurrentCart(db());
    expect(cart.lines).toMatchObject([
      { skuId: world.sku("tee"), unitPrice: EMPLOYEE_PRICE, available: 3, sellable: true },
    ]);
    expect(LIST).toBeGreaterThan(EMPLOYEE_PRICE);
    // A consumer's web cart is another cart, at list price, selling the web's stock.
    state.user = consumer;
    await addToCart({ skuId: world.sku("tee"), quantity: 1 });
    expect((await getCurrentCart(db())).lines).toMatchObject([{ unitPrice: LIST, available: 7 }]);
    state.user = employee;
    expect((await getCurrentCart(db())).itemCount).toBe(1);
  });

  it("refuses a SKU the employee channel does not list, and more than it can sell", async () => {
    const unlisted = await addToCart({ skuId: world.sku("cap"), quantity: 1 });
    expect(unlisted).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      details: { reason: "NOT_IN_EMPLOYEE_STORE" },
    });
    const above = await addToCart({ skuId: world.sku("tee"), quantity: 3 });
    expect(above).toMatchObject({
      ok: false,
      code: "OUT_OF_STOCK",
      details: { reason: "EMPLOYEE_STORE", available: 3 },
    });
    expect((await getCurrentCart(db())).itemCount).toBe(1);
  });

  it("places an EMPLOYEE order for the employee at employee prices and takes the quota", async () => {
    const placed = await checkout();
    expect(placed).toMatchObject({ ok: true });
    if (!placed.ok) return;
    const order = await db().order.findUniqueOrThrow({
      where: { orderNo: placed.data.orderNo },
      include: { channel: true },
    });
    expect(order).toMatchObject({
      buyerType: "EMPLOYEE",
      userId: employee.id,
      total: EMPLOYEE_PRICE,
    });
    expect(order.channel.code).toBe("EMPLOYEE");
    expect(await quotaUsage(db(), employeeId, quotaPeriodKey(new Date(), "MONTH"))).toEqual({
      units: 1,
      spend: EMPLOYEE_PRICE,
      perSku: { [world.sku("tee")]: 1 },
    });
    expect((await getCurrentCart(db())).itemCount).toBe(0);
  });

  it("refuses a checkout above the per-SKU limit with what is left, reserving nothing", async () => {
    await addToCart({ skuId: world.sku("tee"), quantity: 2 });
    const before = await reservations();
    const refused = await checkout();
    expect(refused).toMatchObject({
      ok: false,
      code: "QUOTA_EXCEEDED",
      details: { reason: "PER_SKU" },
    });
    expect(await reservations()).toBe(before);
    expect((await getCurrentCart(db())).itemCount).toBe(2);
    expect(await quotaUsage(db(), employeeId, quotaPeriodKey(new Date(), "MONTH"))).toMatchObject({
      units: 1,
    });
  });

  it("refuses a checkout above the spend limit once the admin lowers it, reserving nothing", async () => {
    await setCartQuantity({ skuId: world.sku("tee"), quantity: 1 });
    await db().employeeQuotaPolicy.update({
      where: { id: policyId },
      data: { maxSpend: Math.round(1.5 * EMPLOYEE_PRICE) },
    });
    const before = await reservations();
    expect(await checkout()).toMatchObject({
      ok: false,
      code: "QUOTA_EXCEEDED",
      details: { reason: "SPEND" },
    });
    expect(await reservations()).toBe(before);
  });

  it("refuses a switched-off employee's cart and checkout, reserving nothing", async () => {
    await db().employee.update({ where: { id: employeeId }, data: { active: false } });
    const before = await reservations();
    expect(await addToCart({ skuId: world.sku("tee"), quantity: 1 })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      details: { reason: "EMPLOYEE_DISABLED" },
    });
    expect(await checkout()).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      details: { reason: "EMPLOYEE_DISABLED" },
    });
    expect(await reservations()).toBe(before);
    await db().employee.update({ where: { id: employeeId }, data: { active: true } });
  });

  it("refuses checkout to store staff and to a signed-out visitor", async () => {
    state.user = { ...employee, role: "STORE_STAFF" };
    expect(await checkout()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    state.user = null;
    expect(await checkout()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
