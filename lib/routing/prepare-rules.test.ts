import { describe, expect, it } from "vitest";
import { prepareRules, rulesForMethod } from "./prepare-rules";
import { buildRoutingRules } from "@/prisma/seed/routing-rules";
import { DEFAULT_RULES, rule } from "./testing/fixtures";

describe("rulesForMethod", () => {
  it.each([
    [
      "EXPRESS",
      ["CAPACITY", "NODE_TYPES", "NEAREST", "FEWEST_SPLITS", "STOCK_DEPTH", "LOWEST_COST"],
    ],
    [
      "PICKUP",
      ["CAPACITY", "NODE_TYPES", "NEAREST", "FEWEST_SPLITS", "STOCK_DEPTH", "LOWEST_COST"],
    ],
  ] as const)("%s gets the shared rules and its own node-type filter", (method, kinds) => {
    const chosen = rulesForMethod(DEFAULT_RULES, method);
    expect(chosen.map((r) => r.kind)).toEqual(kinds);
    expect(chosen.find((r) => r.kind === "NODE_TYPES")?.method).toBe(method);
  });
  it("a rule for the method overrides the same kind and mode set for every method", () => {
    const rules = [
      rule("NEAREST", "SCORE", { id: "all", weight: 1, position: 1 }),
      rule("NEAREST", "SCORE", { id: "express", weight: 5, position: 2, method: "EXPRESS" }),
      rule("LOWEST_COST", "SCORE", { id: "off", enabled: false }),
    ];
    expect(rulesForMethod(rules, "EXPRESS").map((r) => r.id)).toEqual(["express"]);
    expect(rulesForMethod(rules, "SAME_CITY").map((r) => r.id)).toEqual(["all"]);
  });
});

describe("prepareRules", () => {
  it("splits filters (by position) from weighted scores; zero weights do not score", () => {
    const prepared = prepareRules(
      [...DEFAULT_RULES, rule("CAPACITY", "SCORE", { weight: 0 })],
      "EXPRESS",
    );
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.ruleSet.filters.map((r) => r.kind)).toEqual(["CAPACITY", "NODE_TYPES"]);
    expect(prepared.ruleSet.scores.map((r) => [r.kind, r.weight])).toEqual([
      ["NEAREST", 0.35],
      ["FEWEST_SPLITS", 0.3],
      ["STOCK_DEPTH", 0.2],
      ["LOWEST_COST", 0.15],
    ]);
    expect(prepared.ruleSet.protectDisplayMin).toBe(true);
    expect(prepared.ruleSet.maxParcels).toBe(Number.POSITIVE_INFINITY);
  });
  it.each([
    [[rule("STOCK_DEPTH", "SCORE", { params: { protectDisplayMin: false } })], false],
    [[], false],
    [[rule("STOCK_DEPTH", "FILTER")], true],
  ])("display protection follows the stock-depth rule: %j → %s", (rules, protect) => {
    const prepared = prepareRules(rules, "EXPRESS");
    expect(prepared.ok && prepared.ruleSet.protectDisplayMin).toBe(protect);
  });
});

describe("the test fixtures' default rules", () => {
  it("are the seeded rules, so tests of the defaults test what ships", () => {
    const seeded = buildRoutingRules().map((r) => ({
      kind: r.kind,
      mode: r.mode,
      method: r.method ?? undefined,
      weight: r.weight ?? 1,
      position: r.position,
      params: r.params ?? {},
    }));
    const fixtures = DEFAULT_RULES.map((r) => ({
      kind: r.kind,
      mode: r.mode,
      method: r.method ?? undefined,
      weight: r.weight,
      position: r.position,
      params: r.params,
    }));
    expect(fixtures).toEqual(seeded);
  });
});
