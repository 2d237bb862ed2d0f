import { describe, expect, it } from "vitest";
import {
  actionBody,
  actionIdOf,
  actionValueOf,
  idempotencyKeyOf,
  pickupOrderArgs,
} from "./checkout-action";

describe("actionIdOf", () => {
  const manifest = {
    node: {
      aa11: { filename: "lib/cart/actions.ts", exportedName: "addToCart" },
      bb22: { filename: "lib/cart/actions.ts", exportedName: "removeFromCart" },
      cc33: { filename: "lib/checkout/actions.ts", exportedName: "placeCheckoutOrder" },
    },
  };

  it("finds the action by its file and export", () => {
    expect(actionIdOf(manifest, "lib/cart/actions.ts", "addToCart")).toBe("aa11");
    expect(actionIdOf(manifest, "lib/checkout/actions.ts", "placeCheckoutOrder")).toBe("cc33");
  });

  it("fails when the build has no such action", () => {
    expect(() => actionIdOf(manifest, "lib/checkout/actions.ts", "addToCart")).toThrow(
      /0 actions addToCart/,
    );
  });
});

describe("actionBody", () => {
  it("writes the arguments as React's reply encoding does for plain values", () => {
    expect(actionBody([{ skuId: "sku_A", quantity: 1 }])).toBe('[{"skuId":"sku_A","quantity":1}]');
  });

  it("keeps undefined as $undefined and escapes strings starting with $", () => {
    expect(JSON.parse(actionBody([{ a: undefined, b: "$5 off", c: ["$x", null] }]))).toEqual([
      { a: "$undefined", b: "$$5 off", c: ["$$x", null] },
    ]);
  });
});

describe("actionValueOf", () => {
  it("reads the value row that row 0 points at", () => {
    const stream =
      '0:{"a":"$@1","f":"","b":"build-id"}\n1:{"ok":true,"data":{"orderNo":"W1","redirectUrl":"/checkout/pay/W1"}}\n';
    expect(actionValueOf(stream)).toEqual({
      ok: true,
      data: { orderNo: "W1", redirectUrl: "/checkout/pay/W1" },
    });
  });

  it("reads a refusal, unescaping $-strings and dropping $undefined", () => {
    const stream =
      '0:{"a":"$@2","f":"","b":"x"}\n2:{"ok":false,"code":"OUT_OF_STOCK","message":"$$1 left","hint":"$undefined"}\n';
    expect(actionValueOf(stream)).toEqual({
      ok: false,
      code: "OUT_OF_STOCK",
      message: "$1 left",
      hint: undefined,
    });
  });

  it("fails on an answer that is not an action's", () => {
    expect(() => actionValueOf("<!DOCTYPE html><html>")).toThrow(/no action answer/);
    expect(() => actionValueOf('0:{"f":""}\n')).toThrow(/names no value/);
    expect(() => actionValueOf('0:{"a":"$@3"}\n')).toThrow(/missing/);
  });
});

describe("idempotencyKeyOf", () => {
  const key = "3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60";

  it("finds the key in the page's escaped script data", () => {
    const html = `<script>self.__next_f.push([1,"{\\"idempotencyKey\\":\\"${key}\\",\\"methods\\":[]}"])</script>`;
    expect(idempotencyKeyOf(html)).toBe(key);
  });

  it("finds it unescaped too, and fails without one", () => {
    expect(idempotencyKeyOf(`{"idempotencyKey":"${key}"}`)).toBe(key);
    expect(() => idempotencyKeyOf("<p>Your cart is empty.</p>")).toThrow(/no idempotency key/);
  });
});

describe("pickupOrderArgs", () => {
  it("sends what the checkout form sends for a store pickup", () => {
    const body = JSON.parse(
      actionBody(
        pickupOrderArgs({
          idempotencyKey: "k".repeat(20),
          storeNodeId: "node_SH-001",
          contactName: "Li",
        }),
      ),
    ) as Record<string, unknown>[];
    expect(body).toEqual([
      {
        idempotencyKey: "k".repeat(20),
        method: "PICKUP",
        storeNodeId: "node_SH-001",
        addressLine: "$undefined",
        city: "$undefined",
        latitude: "$undefined",
        longitude: "$undefined",
        contactName: "Li",
        contactPhone: "",
        couponCode: "",
        pointsToRedeem: "",
        holdSeconds: "$undefined",
      },
    ]);
  });
});
