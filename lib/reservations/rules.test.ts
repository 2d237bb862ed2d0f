import { parseInput } from "@/lib/validation/parse-input";
import { describe, expect, it } from "vitest";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";
import {
  confirmInputSchema,
  holdExpiresAt,
  holdTtlSeconds,
  isPastExpiry,
  reservationTargetSchema,
  reserveInputSchema,
} from "./rules";

const valid = {
  channelId: "web",
  skuId: "sku",
  nodeId: "best",
  quantity: 2,
  kind: "CHECKOUT_HOLD",
};

function fieldErrorsOf(raw: unknown): FieldErrors {
  try {
    parseInput(reserveInputSchema, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID_INPUT");
    return (error as AppError).fieldErrors ?? {};
  }
  throw new Error("expected a refusal");
}

describe("reserveInputSchema", () => {
  it("accepts a valid request", () => {
    expect(
      parseInput(reserveInputSchema, { ...valid, ttlSeconds: 60, candidateNodeIds: ["a"] }),
    ).toMatchObject(valid);
  });
  it.each<[string, Record<string, unknown>, string]>([
    ["zero quantity", { quantity: 0 }, "quantity"],
    ["negative quantity", { quantity: -3 }, "quantity"],
    ["fractional quantity", { quantity: 1.5 }, "quantity"],
    ["quantity as text", { quantity: "2" }, "quantity"],
    ["huge quantity", { quantity: 10_001 }, "quantity"],
    ["TTL of 0", { ttlSeconds: 0 }, "ttlSeconds"],
    ["TTL over 24 h", { ttlSeconds: 86_401 }, "ttlSeconds"],
    ["fractional TTL", { ttlSeconds: 1.5 }, "ttlSeconds"],
    ["TTL on an allocation", { kind: "ORDER_ALLOCATION", ttlSeconds: 60 }, "ttlSeconds"],
    ["unknown kind", { kind: "PRESALE" }, "kind"],
    ["empty channel", { channelId: " " }, "channelId"],
    [
      "candidates with a named node",
      { nodeId: "n1", candidateNodeIds: ["n2"] },
      "candidateNodeIds",
    ],
  ])("refuses %s", (_name, patch, field) => {
    expect(Object.keys(fieldErrorsOf({ ...valid, ...patch }))).toContain(field);
  });
});

describe("reservation targets", () => {
  it.each([
    [{ reservationId: "r" }, true],
    [{ groupId: "g" }, true],
    [{}, false],
    [{ reservationId: "r", groupId: "g" }, false],
  ])("%j valid: %s", (raw, ok) => {
    expect(reservationTargetSchema.safeParse(raw).success).toBe(ok);
    expect(confirmInputSchema.safeParse({ ...raw, orderId: "o" }).success).toBe(ok);
  });
});

describe("holdTtlSeconds", () => {
  it.each([
    ["CHECKOUT_HOLD", undefined, 15, 900],
    ["CHECKOUT_HOLD", 30, 15, 30],
    ["PICKUP_HOLD", undefined, 15, 900],
    ["PICKUP_HOLD", undefined, 0.5, 30],
    ["PICKUP_HOLD", undefined, 0.001, 1],
    ["PICKUP_HOLD", 120, 15, 120],
    ["ORDER_ALLOCATION", undefined, 15, null],
    ["PRESALE", undefined, 15, null],
  ] as const)("%s, ttl %s, pickup minutes %s → %s", (kind, ttl, minutes, expected) => {
    expect(holdTtlSeconds(kind, ttl, minutes)).toBe(expected);
  });
});

describe("hold expiry", () => {
  const now = new Date("2026-11-22T10:00:00Z");
  it("adds the TTL to now", () => {
    expect(holdExpiresAt(now, 900)?.toISOString()).toBe("2026-11-22T10:15:00.000Z");
    expect(holdExpiresAt(now, null)).toBeNull();
  });
  it.each([
    [null, false],
    ["2026-11-22T10:00:01Z", false],
    ["2026-11-22T10:00:00Z", true],
    ["2026-11-22T09:59:59Z", true],
  ])("expiry %s is past: %s", (iso, expected) => {
    expect(isPastExpiry(iso === null ? null : new Date(iso), now)).toBe(expected);
  });
});
