import { describe, expect, it } from "vitest";
import { dashboardViews } from "./dashboard-views";

const views = dashboardViews({
  city: "Shanghai",
  node: { id: "node_SH-001", code: "SH-001" },
  category: { id: "cat_running", name: "Running Shoes" },
  skuQuery: "RN-1",
});

describe("dashboardViews", () => {
  it("names each view the issue asks for once", () => {
    expect(views.map((v) => v.name)).toEqual([
      "all regions",
      "city Shanghai",
      "node SH-001",
      "category Running Shoes",
      'search "RN-1"',
      "all regions, 112 days",
      "transfer suggestions",
      "replenishment",
    ]);
  });

  it("gives the loaders the filter by id and the page the same view by its parameters", () => {
    const byName = new Map(views.map((v) => [v.name, v]));
    expect(byName.get("node SH-001")).toMatchObject({
      filter: { nodeId: "node_SH-001" },
      windowDays: 28,
      httpQuery: "?node=SH-001",
    });
    expect(byName.get("category Running Shoes")?.httpQuery).toBe("?category=cat_running");
    expect(byName.get('search "RN-1"')?.filter).toEqual({ skuQuery: "RN-1" });
    expect(byName.get("all regions, 112 days")).toMatchObject({
      filter: {},
      windowDays: 112,
      httpQuery: "?window=112",
    });
    expect(byName.get("all regions")?.httpQuery).toBe("");
  });

  it("measures the suggestion engine in-process only", () => {
    const suggestions = views.filter((v) => v.kind !== "dashboard");
    expect(suggestions.map((v) => v.kind)).toEqual(["transfers", "replenishment"]);
    expect(suggestions.every((v) => v.httpQuery === null)).toBe(true);
  });
});
