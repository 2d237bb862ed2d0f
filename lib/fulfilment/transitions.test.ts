import { describe, expect, it } from "vitest";
import type { FulfilmentStatus } from "@/lib/generated/prisma/enums";
import {
  canTransition,
  forwardStep,
  isOrderComplete,
  nextStatuses,
  pathOf,
  type FulfilmentPath,
} from "./transitions";

const ALL: FulfilmentStatus[] = [
  "ROUTED",
  "ACCEPTED",
  "PICKED",
  "PACKED",
  "READY_FOR_PICKUP",
  "PICKED_UP",
  "HANDED_TO_COURIER",
  "DELIVERED",
  "REJECTED",
  "CANCELLED",
];

const LEGAL: Record<FulfilmentPath, [FulfilmentStatus, FulfilmentStatus][]> = {
  PICKUP: [
    ["ROUTED", "ACCEPTED"],
    ["ACCEPTED", "PICKED"],
    ["PICKED", "PACKED"],
    ["PACKED", "READY_FOR_PICKUP"],
    ["READY_FOR_PICKUP", "PICKED_UP"],
    ["ROUTED", "REJECTED"],
    ["ACCEPTED", "REJECTED"],
    ["ROUTED", "CANCELLED"],
    ["ACCEPTED", "CANCELLED"],
    ["PICKED", "CANCELLED"],
    ["PACKED", "CANCELLED"],
    ["READY_FOR_PICKUP", "CANCELLED"],
  ],
  DELIVERY: [
    ["ROUTED", "ACCEPTED"],
    ["ACCEPTED", "PICKED"],
    ["PICKED", "PACKED"],
    ["PACKED", "HANDED_TO_COURIER"],
    ["HANDED_TO_COURIER", "DELIVERED"],
    ["ROUTED", "REJECTED"],
    ["ACCEPTED", "REJECTED"],
    ["ROUTED", "CANCELLED"],
    ["ACCEPTED", "CANCELLED"],
    ["PICKED", "CANCELLED"],
    ["PACKED", "CANCELLED"],
    ["HANDED_TO_COURIER", "CANCELLED"],
  ],
};

describe("fulfilment transitions", () => {
  for (const path of ["PICKUP", "DELIVERY"] as const) {
    const legal = new Set(LEGAL[path].map(([a, b]) => `${a}→${b}`));
    const cases = ALL.flatMap((from) =>
      ALL.map((to) => [from, to, legal.has(`${from}→${to}`)] as const),
    );
    it.each(cases)(`${path}: %s → %s is legal: %s`, (from, to, expected) => {
      expect(canTransition(path, from, to)).toBe(expected);
    });
  }

  it.each([
    ["PICKUP", "PACKED", "HANDED_TO_COURIER"],
    ["PICKUP", "ROUTED", "PICKED"],
    ["DELIVERY", "PACKED", "READY_FOR_PICKUP"],
    ["DELIVERY", "PICKED", "REJECTED"],
    ["PICKUP", "PICKED_UP", "CANCELLED"],
    ["DELIVERY", "DELIVERED", "ROUTED"],
  ] as const)("refuses %s: %s → %s", (path, from, to) => {
    expect(canTransition(path, from, to)).toBe(false);
  });

  it("has no way out of a terminal state", () => {
    for (const s of ["PICKED_UP", "DELIVERED", "REJECTED", "CANCELLED"] as const) {
      expect(nextStatuses("PICKUP", s)).toEqual([]);
      expect(nextStatuses("DELIVERY", s)).toEqual([]);
    }
  });

  it.each([
    [{ method: "PICKUP", shipToNodeId: null }, "PICKUP"],
    [{ method: "PICKUP", shipToNodeId: "store" }, "DELIVERY"],
    [{ method: "SAME_CITY", shipToNodeId: null }, "DELIVERY"],
    [{ method: "EXPRESS", shipToNodeId: null }, "DELIVERY"],
  ] as const)("path of %j is %s", (fo, path) => {
    expect(pathOf(fo)).toBe(path);
  });

  it("names the forward step for the console's main button", () => {
    expect(forwardStep("PICKUP", "PACKED")).toBe("READY_FOR_PICKUP");
    expect(forwardStep("DELIVERY", "PACKED")).toBe("HANDED_TO_COURIER");
    expect(forwardStep("PICKUP", "PICKED_UP")).toBeNull();
  });

  it.each([
    [["PICKED_UP"], true],
    [["DELIVERED", "REJECTED"], true],
    [["DELIVERED", "READY_FOR_PICKUP"], false],
    [["REJECTED", "CANCELLED"], false],
    [[], false],
  ] as const)("order with fulfilments %j is complete: %s", (statuses, expected) => {
    expect(isOrderComplete(statuses)).toBe(expected);
  });
});
