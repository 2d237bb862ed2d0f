import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/validation/parse-input";
import { isAppError } from "@/lib/errors/app-error";
import { channelOrderSchema, type ChannelOrderLine } from "./channel-order-input";
import {
  isSameChannelOrder,
  resolveChannelLines,
  shortLines,
  unroutableLines,
  type ChannelSku,
} from "./channel-order-lines";
import { placeAddress, type NodePlace } from "./place-address";

const skus: ChannelSku[] = [
  { id: "s1", code: "TEE-M", barcode: "690001", listed: true, ats: 5, presaleLeft: null },
  { id: "s2", code: "CAP-L", barcode: "690002", listed: true, ats: 0, presaleLeft: null },
  { id: "s3", code: "CLR-S", barcode: "690003", listed: false, ats: 9, presaleLeft: null },
];
const line = (l: Partial<ChannelOrderLine>): ChannelOrderLine => ({
  quantity: 1,
  unitPrice: 100,
  ...l,
});

describe("resolveChannelLines", () => {
  it("finds SKUs by code or barcode and refuses each bad line with its reason", () => {
    const { resolved, refused } = resolveChannelLines(
      [
        line({ sku: "TEE-M", quantity: 2 }),
        line({ barcode: "690002" }),
        line({ sku: "NOPE" }),
        line({ barcode: "690003", quantity: 3 }),
        line({ barcode: "690001" }),
      ],
      skus,
    );
    expect(resolved.map((r) => [r.line, r.skuId, r.quantity])).toEqual([
      [0, "s1", 2],
      [1, "s2", 1],
    ]);
    expect(refused).toEqual([
      { line: 2, sku: "NOPE", reason: "UNKNOWN_SKU", requested: 1 },
      { line: 3, sku: "690003", reason: "NOT_SOLD", requested: 3 },
      { line: 4, sku: "690001", reason: "DUPLICATE_SKU", requested: 1 },
    ]);
  });

  it("does not take a barcode for a code", () => {
    const { refused } = resolveChannelLines([line({ sku: "690001" })], skus);
    expect(refused[0]?.reason).toBe("UNKNOWN_SKU");
  });
});

describe("shortLines and unroutableLines", () => {
  const { resolved } = resolveChannelLines(
    [line({ sku: "TEE-M", quantity: 5 }), line({ sku: "CAP-L", quantity: 1 })],
    skus,
  );
  it("refuses lines above the channel's ATS with what it has", () => {
    const ats = new Map(skus.map((s) => [s.id, s.ats]));
    expect(shortLines(resolved, ats)).toEqual([
      { line: 1, sku: "CAP-L", reason: "CHANNEL_SHORT", requested: 1, available: 0 },
    ]);
    expect(shortLines(resolved, new Map([["s1", -3]]))).toHaveLength(2);
  });
  it("measures a presale SKU against what its cap has left, not the channel's stock", () => {
    const ats = new Map(skus.map((s) => [s.id, s.ats]));
    // CAP-L has no stock but 3 presale units left: the line is taken ahead of the inbound.
    expect(shortLines(resolved, ats, new Map([["s2", 3]]))).toEqual([]);
    expect(shortLines(resolved, ats, new Map([["s2", 0]]))).toEqual([
      { line: 1, sku: "CAP-L", reason: "PRESALE_CAP", requested: 1, available: 0 },
    ]);
    // A cap sold past its size (never below 0 left) refuses with 0 available.
    expect(shortLines(resolved, ats, new Map([["s1", -2]]))[0]).toMatchObject({
      reason: "PRESALE_CAP",
      available: 0,
    });
  });
  it("refuses lines routing found short at the eligible nodes", () => {
    expect(
      unroutableLines(resolved, [
        { skuId: "s1", requested: 5, eligibleTotal: 4 },
        { skuId: "s2", requested: 1, eligibleTotal: 1 },
      ]),
    ).toEqual([{ line: 0, sku: "TEE-M", reason: "NO_NODE", requested: 5, available: 4 }]);
    expect(unroutableLines(resolved, [{ skuId: "s1", requested: 5 }])).toEqual([]);
  });
});

describe("isSameChannelOrder", () => {
  const placed = { method: "EXPRESS", lines: [{ skuId: "a", quantity: 2 }] };
  it.each([
    ["the same lines", "EXPRESS", [{ skuId: "a", quantity: 2 }], false, true],
    ["another quantity", "EXPRESS", [{ skuId: "a", quantity: 3 }], false, false],
    ["another method", "PICKUP", [{ skuId: "a", quantity: 2 }], false, false],
    [
      "an extra line",
      "EXPRESS",
      [
        { skuId: "a", quantity: 2 },
        { skuId: "b", quantity: 1 },
      ],
      false,
      false,
    ],
    [
      "an extra line, partial",
      "EXPRESS",
      [
        { skuId: "a", quantity: 2 },
        { skuId: "b", quantity: 1 },
      ],
      true,
      true,
    ],
    ["another line, partial", "EXPRESS", [{ skuId: "b", quantity: 2 }], true, false],
  ] as const)("%s → %s", (_label, method, lines, partial, same) => {
    expect(isSameChannelOrder(placed, { method, lines }, partial)).toBe(same);
  });
});

describe("placeAddress", () => {
  const node = (
    city: string,
    cityZh: string,
    district: string,
    lat: number,
    lng: number,
  ): NodePlace => ({
    city,
    cityZh,
    district,
    latitude: lat,
    longitude: lng,
  });
  const nodes = [
    node("Shanghai", "上海", "Jing'an", 31.0, 121.0),
    node("Shanghai", "上海", "Pudong", 31.2, 121.6),
    node("Shanghai", "上海", "Pudong", 31.4, 121.8),
  ];
  it("keeps coordinates the address brings", () => {
    expect(placeAddress({ city: "Nowhere", latitude: 1, longitude: 2 }, [])).toEqual({
      latitude: 1,
      longitude: 2,
    });
  });
  it("places a district at its nodes, a city at all of its nodes, by either name", () => {
    const pudong = placeAddress({ city: "shanghai", district: "PUDONG" }, nodes);
    expect(pudong?.latitude).toBeCloseTo(31.3);
    expect(pudong?.longitude).toBeCloseTo(121.7);
    const city = placeAddress({ city: "上海", district: "Minhang" }, nodes);
    expect(city?.latitude).toBeCloseTo(31.2);
  });
  it("cannot place a city with no node", () => {
    expect(placeAddress({ city: "Lhasa" }, nodes)).toBeNull();
  });
});

describe("channelOrderSchema", () => {
  const valid = {
    code: "TMALL",
    channelOrderId: "TM-1001",
    lines: [{ sku: "TEE-M", quantity: 1, unitPrice: 19_900 }],
    buyer: { name: "Li Lei", phone: "+86 138 0000 0000" },
    method: "EXPRESS",
    address: { addressLine: "1 Nanjing Road", city: "Shanghai" },
    paid: true,
  };
  const problems = (patch: Record<string, unknown>) => {
    try {
      parseInput(channelOrderSchema, { ...valid, ...patch });
      return null;
    } catch (error) {
      return isAppError(error) ? Object.keys(error.fieldErrors ?? {}) : ["not an AppError"];
    }
  };
  it("takes a valid order, shipping fee 0 by default", () => {
    expect(parseInput(channelOrderSchema, valid).shippingFee).toBe(0);
  });
  it.each([
    ["quantity 0", { lines: [{ sku: "A", quantity: 0, unitPrice: 1 }] }, "lines.0.quantity"],
    [
      "a negative quantity",
      { lines: [{ sku: "A", quantity: -1, unitPrice: 1 }] },
      "lines.0.quantity",
    ],
    [
      "a fractional quantity",
      { lines: [{ sku: "A", quantity: 1.5, unitPrice: 1 }] },
      "lines.0.quantity",
    ],
    [
      "a price in a float",
      { lines: [{ sku: "A", quantity: 1, unitPrice: 199.5 }] },
      "lines.0.unitPrice",
    ],
    [
      "a price as text",
      { lines: [{ sku: "A", quantity: 1, unitPrice: "199" }] },
      "lines.0.unitPrice",
    ],
    [
      "both code and barcode",
      { lines: [{ sku: "A", barcode: "1", quantity: 1, unitPrice: 1 }] },
      "lines.0.sku",
    ],
    ["no lines", { lines: [] }, "lines"],
    ["a blank order id", { channelOrderId: " " }, "channelOrderId"],
    ["pickup without a store", { method: "PICKUP", address: undefined }, "pickupStoreCode"],
    ["delivery without an address", { address: undefined }, "address"],
    [
      "one coordinate",
      { address: { addressLine: "1 Road", city: "X", latitude: 31 } },
      "address.latitude",
    ],
    ["paid as text", { paid: "yes" }, "paid"],
    ["a float fee", { shippingFee: 0.5 }, "shippingFee"],
  ])("refuses %s", (_label, patch, field) => {
    expect(problems(patch)).toContain(field);
  });
});
