import { describe, expect, it } from "vitest";
import {
  adjustmentMovementReason,
  adjustStockSchema,
  stockSettingsSchema,
} from "./stock-admin-input";

const adjustment = { nodeId: "n", skuId: "s", delta: -3, reason: "DAMAGE" };

describe("stock console input", () => {
  it.each([
    [{ ...adjustment }, true],
    [{ ...adjustment, delta: 0 }, false],
    [{ ...adjustment, delta: 2.5 }, false],
    [{ ...adjustment, delta: 1_000_001 }, false],
    [{ ...adjustment, reason: "" }, false],
    [{ ...adjustment, reason: "THEFT" }, false],
    [{ ...adjustment, note: "x".repeat(201) }, false],
    [{ ...adjustment, version: -1 }, false],
  ])("adjustment %o valid: %s", (input, valid) => {
    expect(adjustStockSchema.safeParse(input).success).toBe(valid);
  });

  it.each([
    [{ safetyStock: 0, displayMin: 0, version: 0 }, true],
    [{ safetyStock: -1, displayMin: 0, version: 0 }, false],
    [{ safetyStock: 1, displayMin: 0.5, version: 0 }, false],
    [{ safetyStock: 100_001, displayMin: 0, version: 0 }, false],
    [{ safetyStock: 1, displayMin: 1 }, false],
  ])("levels %o valid: %s", (input, valid) => {
    expect(stockSettingsSchema.safeParse({ nodeId: "n", skuId: "s", ...input }).success).toBe(
      valid,
    );
  });

  it("keeps the reason code first in the ledger's reason", () => {
    expect(adjustmentMovementReason("FOUND", "")).toBe("FOUND");
    expect(adjustmentMovementReason("DAMAGE", "wet")).toBe("DAMAGE: wet");
  });
});
