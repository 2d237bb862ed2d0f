import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import {
  assertAdmin,
  assertCanReceive,
  assertDifferentNodes,
  assertTransferCanMove,
  canMoveTransfer,
  countReceipt,
  createTransferSchema,
  giveable,
  listTransfersSchema,
  newTransferNo,
  receiveTransferSchema,
  shortBy,
  sourceShortError,
  TRANSFER_STATUSES,
  transferFromStates,
  type TransferActor,
} from "./transfer-rules";

/** The AppError `work` throws; fails when it does not throw one. */
function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const line = (skuId: string, quantity: number) => ({ skuId, quantity });
const draft = {
  fromNodeId: "node_a",
  toNodeId: "node_b",
  reason: "rebalance before the weekend",
  lines: [line("sku_1", 3), line("sku_2", 1)],
};

describe("createTransferSchema", () => {
  it("takes a transfer of distinct SKUs and trims the reason", () => {
    expect(parseInput(createTransferSchema, { ...draft, reason: "  restock  " })).toEqual({
      ...draft,
      reason: "restock",
    });
  });

  it.each([
    ["no line", { lines: [] }, "lines"],
    ["101 lines", { lines: Array.from({ length: 101 }, (_, i) => line(`s${i}`, 1)) }, "lines"],
    ["a quantity of 0", { lines: [line("sku_1", 0)] }, "lines.0.quantity"],
    ["a quantity of 10 000", { lines: [line("sku_1", 10_000)] }, "lines.0.quantity"],
    ["a fractional quantity", { lines: [line("sku_1", 1.5)] }, "lines.0.quantity"],
    ["a SKU twice", { lines: [line("sku_1", 1), line("sku_1", 2)] }, "lines.1.skuId"],
    ["an empty reason", { reason: "   " }, "reason"],
    ["a reason of 501 characters", { reason: "x".repeat(501) }, "reason"],
    ["no source", { fromNodeId: "" }, "fromNodeId"],
  ])("refuses %s", (_name, change, field) => {
    const error = refusal(() => parseInput(createTransferSchema, { ...draft, ...change }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
  });

  it("takes 100 lines of 9 999", () => {
    const lines = Array.from({ length: 100 }, (_, i) => line(`s${i}`, 9_999));
    expect(parseInput(createTransferSchema, { ...draft, lines }).lines).toHaveLength(100);
  });

  it("refuses a transfer from a node to itself (SAME_NODE)", () => {
    const error = refusal(() => assertDifferentNodes("node_a", "node_a"));
    expect([error.code, error.details?.reason]).toEqual(["INVALID_INPUT", "SAME_NODE"]);
    expect(() => assertDifferentNodes("node_a", "node_b")).not.toThrow();
  });
});

describe("receiveTransferSchema and listTransfersSchema", () => {
  it("takes counts from 0 to 9 999, each line once", () => {
    const receipt = {
      transferId: "t1",
      lines: [
        { lineId: "l1", receivedQty: 0 },
        { lineId: "l2", receivedQty: 9_999 },
      ],
    };
    expect(parseInput(receiveTransferSchema, receipt)).toEqual(receipt);
    for (const lines of [
      [{ lineId: "l1", receivedQty: -1 }],
      [{ lineId: "l1", receivedQty: 10_000 }],
      [
        { lineId: "l1", receivedQty: 1 },
        { lineId: "l1", receivedQty: 1 },
      ],
      [],
    ])
      expect(
        refusal(() => parseInput(receiveTransferSchema, { transferId: "t1", lines })).code,
      ).toBe("INVALID_INPUT");
  });

  it("lists page 1 of every status by default and refuses an unknown status", () => {
    expect(parseInput(listTransfersSchema, {})).toEqual({ page: 1 });
    expect(refusal(() => parseInput(listTransfersSchema, { status: "LOST" })).code).toBe(
      "INVALID_INPUT",
    );
  });
});

describe("the transfer state machine", () => {
  it("allows exactly draft → shipped → received, and cancelling a draft or a shipment", () => {
    const allowed = TRANSFER_STATUSES.flatMap((from) =>
      TRANSFER_STATUSES.filter((to) => canMoveTransfer(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      ["DRAFT→SHIPPED", "DRAFT→CANCELLED", "SHIPPED→RECEIVED", "SHIPPED→CANCELLED"].sort(),
    );
  });

  it("gives each step the states it may start from", () => {
    expect(transferFromStates("SHIPPED")).toEqual(["DRAFT"]);
    expect(transferFromStates("RECEIVED")).toEqual(["SHIPPED"]);
    expect(transferFromStates("CANCELLED")).toEqual(["DRAFT", "SHIPPED"]);
    expect(transferFromStates("DRAFT")).toEqual([]);
  });

  it.each([
    ["CANCELLED", "SHIPPED"],
    ["SHIPPED", "SHIPPED"],
    ["RECEIVED", "CANCELLED"],
    ["DRAFT", "RECEIVED"],
  ] as const)("refuses %s → %s as CONFLICT TRANSFER_STATE naming the status", (from, to) => {
    const error = refusal(() => assertTransferCanMove(from, to));
    expect([error.code, error.details]).toEqual([
      "CONFLICT",
      { reason: "TRANSFER_STATE", status: from, wanted: to },
    ]);
  });
});

describe("giveable", () => {
  it("keeps reserved units and the larger of safety stock and display minimum", () => {
    expect(giveable({ onHand: 10, reserved: 2, safetyStock: 1, displayMin: 3 })).toBe(5);
    expect(giveable({ onHand: 10, reserved: 2, safetyStock: 4, displayMin: 3 })).toBe(4);
    expect(giveable({ onHand: 10, reserved: 0, safetyStock: 0, displayMin: 0 })).toBe(10);
    expect(giveable({ onHand: 3, reserved: 3, safetyStock: 2, displayMin: 0 })).toBe(0);
  });

  it("is never negative and never leaves on hand below reserved + max(safety, display)", () => {
    const level = fc
      .record({
        onHand: fc.nat(1_000),
        reserved: fc.nat(1_000),
        safetyStock: fc.nat(100),
        displayMin: fc.nat(100),
      })
      .filter((l) => l.reserved <= l.onHand);
    fc.assert(
      fc.property(level, (l) => {
        const g = giveable(l);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThanOrEqual(l.onHand - l.reserved);
        if (g > 0) expect(l.onHand - g).toBe(l.reserved + Math.max(l.safetyStock, l.displayMin));
      }),
    );
  });

  it("refuses a line above it with the figure, the line's field and the item's name", () => {
    const naming = { product: "Run", productZh: "跑", colour: "Black", colourZh: "黑", size: "42" };
    const error = sourceShortError({
      lineIndex: 1,
      skuId: "sku_2",
      nodeId: "node_a",
      requested: 5,
      available: 2,
      naming,
    });
    expect(error.code).toBe("OUT_OF_STOCK");
    expect(error.details).toEqual({
      reason: "SOURCE_SHORT",
      skuId: "sku_2",
      nodeId: "node_a",
      requested: 5,
      available: 2,
      ...naming,
    });
    expect(error.fieldErrors).toEqual({
      "lines.1.quantity": [{ problem: "TOO_BIG", of: "number", maximum: 2, inclusive: true }],
    });
  });
});

describe("countReceipt", () => {
  const shipped = [
    { id: "l1", skuId: "sku_1", quantity: 3 },
    { id: "l2", skuId: "sku_2", quantity: 2 },
  ];

  it("matches every shipped line to its count, short ones included", () => {
    expect(
      countReceipt(shipped, [
        { lineId: "l2", receivedQty: 1 },
        { lineId: "l1", receivedQty: 3 },
      ]),
    ).toEqual([
      { lineId: "l1", skuId: "sku_1", quantity: 3, receivedQty: 3 },
      { lineId: "l2", skuId: "sku_2", quantity: 2, receivedQty: 1 },
    ]);
  });

  it("refuses a count above what was shipped with the shipped figure", () => {
    const error = refusal(() =>
      countReceipt(shipped, [
        { lineId: "l1", receivedQty: 3 },
        { lineId: "l2", receivedQty: 3 },
      ]),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.details).toEqual({
      reason: "ABOVE_SHIPPED",
      lineId: "l2",
      skuId: "sku_2",
      shipped: 2,
    });
    expect(error.fieldErrors).toEqual({
      "lines.1.receivedQty": [{ problem: "TOO_BIG", of: "number", maximum: 2, inclusive: true }],
    });
  });

  it("refuses a line of another transfer and a count that leaves a line out", () => {
    const foreign = refusal(() => countReceipt(shipped, [{ lineId: "lx", receivedQty: 1 }]));
    expect([foreign.code, foreign.details]).toEqual([
      "NOT_FOUND",
      { reason: "TRANSFER_LINE", lineId: "lx" },
    ]);
    const partial = refusal(() => countReceipt(shipped, [{ lineId: "l1", receivedQty: 3 }]));
    expect([partial.code, partial.details]).toEqual([
      "INVALID_INPUT",
      { reason: "UNCOUNTED_LINES", lineIds: ["l2"] },
    ]);
  });

  it("says how many units a received line lost, and nothing before receipt", () => {
    expect(shortBy({ quantity: 3, receivedQty: 1 })).toBe(2);
    expect(shortBy({ quantity: 3, receivedQty: 3 })).toBe(0);
    expect(shortBy({ quantity: 3, receivedQty: null })).toBeNull();
  });
});

describe("who may act", () => {
  const actor = (role: TransferActor["role"], storeNodeId: string | null = null) => ({
    id: "u",
    role,
    storeNodeId,
  });

  it("lets only an admin create, ship or cancel", () => {
    expect(() => assertAdmin(actor("ADMIN"))).not.toThrow();
    for (const role of ["STORE_STAFF", "CONSUMER", "EMPLOYEE"] as const) {
      const error = refusal(() => assertAdmin(actor(role, "node_b")));
      expect([error.code, error.details?.reason]).toEqual(["FORBIDDEN", "ADMIN_ONLY"]);
    }
  });

  it("lets the destination's staff or an admin receive", () => {
    expect(() => assertCanReceive(actor("ADMIN"), "node_b")).not.toThrow();
    expect(() => assertCanReceive(actor("STORE_STAFF", "node_b"), "node_b")).not.toThrow();
    const other = refusal(() => assertCanReceive(actor("STORE_STAFF", "node_a"), "node_b"));
    expect([other.code, other.details?.reason]).toEqual(["FORBIDDEN", "OTHER_STORE"]);
    const consumer = refusal(() => assertCanReceive(actor("CONSUMER", "node_b"), "node_b"));
    expect([consumer.code, consumer.details?.reason]).toEqual(["FORBIDDEN", "STORE_STAFF_ONLY"]);
  });
});

describe("newTransferNo", () => {
  it("is TR, the Shanghai date and 6 digits", () => {
    // 2026-12-06 17:30 UTC is already the 7th in Shanghai.
    expect(newTransferNo(new Date("2026-12-06T17:30:00Z"), () => 42)).toBe("TR20261207000042");
    expect(newTransferNo(new Date("2026-12-06T01:00:00Z"))).toMatch(/^TR20261206\d{6}$/);
  });
});
