import { describe, expect, it } from "vitest";
import { categoryPath, resolveScopedRule, type ScopedRule, type SkuTraits } from "./resolve-policy";

const rule = (id: string, extra: Partial<ScopedRule>): ScopedRule => ({
  id,
  scope: "ALL",
  categoryId: null,
  lifecycle: null,
  skuId: null,
  active: true,
  ...extra,
});

const sku: SkuTraits = {
  skuId: "sku1",
  lifecycle: "CLEARANCE",
  categoryPath: ["running", "footwear"],
};

const ALL = rule("all", {});
const LIFE = rule("life", { scope: "LIFECYCLE", lifecycle: "CLEARANCE" });
const LIFE_OTHER = rule("life-new", { scope: "LIFECYCLE", lifecycle: "NEW" });
const PARENT = rule("parent", { scope: "CATEGORY", categoryId: "footwear" });
const CHILD = rule("child", { scope: "CATEGORY", categoryId: "running" });
const OTHER_CAT = rule("other", { scope: "CATEGORY", categoryId: "bags" });
const SKU = rule("sku", { scope: "SKU", skuId: "sku1" });
const OTHER_SKU = rule("sku2", { scope: "SKU", skuId: "sku2" });

describe("resolveScopedRule", () => {
  it.each<[string, ScopedRule[], string | null]>([
    ["nothing applies", [OTHER_CAT, OTHER_SKU, LIFE_OTHER], null],
    ["ALL only", [ALL], "all"],
    ["LIFECYCLE beats ALL", [ALL, LIFE], "life"],
    ["CATEGORY beats LIFECYCLE", [LIFE, PARENT, ALL], "parent"],
    ["the nearer category wins", [PARENT, CHILD], "child"],
    ["SKU beats everything", [ALL, LIFE, CHILD, PARENT, SKU], "sku"],
    ["another SKU's rule does not apply", [ALL, OTHER_SKU], "all"],
    ["inactive rules are skipped", [ALL, { ...SKU, active: false }], "all"],
    ["equal rank: smaller id wins", [rule("b", {}), rule("a", {})], "a"],
  ])("%s", (_name, rules, expected) => {
    expect(resolveScopedRule(rules, sku)?.id ?? null).toBe(expected);
  });
});

describe("categoryPath", () => {
  const parents = new Map<string, string | null>([
    ["running", "footwear"],
    ["footwear", null],
    ["loop-a", "loop-b"],
    ["loop-b", "loop-a"],
  ]);
  it.each([
    ["running", ["running", "footwear"]],
    ["footwear", ["footwear"]],
    ["unknown", ["unknown"]],
    ["loop-a", ["loop-a", "loop-b"]],
  ])("%s → %j", (id, expected) => {
    expect(categoryPath(id, parents)).toEqual(expected);
  });
});
