import { describe, expect, it, vi } from "vitest";

const harness = vi.hoisted(() => ({ reads: 0 }));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => null }));
vi.mock("@/lib/db/client.server", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/cart/get-cart.server", () => ({
  getCurrentCart: async () => {
    harness.reads += 1;
    return { itemCount: 3 };
  },
}));

const { GET } = await import("./route");

describe("GET /api/cart/count", () => {
  it("answers how many items the caller's cart holds", async () => {
    const response = await GET(new Request("http://test/api/cart/count"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ itemCount: 3 });
  });

  it("refuses parameters it does not take, without reading the cart", async () => {
    const before = harness.reads;
    const response = await GET(new Request("http://test/api/cart/count?cartId=someone-else"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("INVALID_INPUT");
    expect(harness.reads).toBe(before);
  });
});
