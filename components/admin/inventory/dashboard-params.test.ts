import { describe, expect, it } from "vitest";
import { dashboardHref, parseDashboardParams, type DashboardParams } from "./dashboard-params";

const nodes = [
  { id: "n1", code: "SH-001", city: "Shanghai" },
  { id: "n2", code: "SH-002", city: "Shanghai" },
  { id: "n3", code: "BJ-001", city: "Beijing" },
];
const windowChoices = [28, 7, 56, 112] as const;
const parse = (params: DashboardParams) => parseDashboardParams(params, { nodes, windowChoices });

describe("parseDashboardParams", () => {
  it("opens on every region, most stock value first, the first window and 90 days", () => {
    expect(parse({})).toEqual({
      sort: { key: "stockValue", dir: "desc" },
      windowDays: 28,
      defaultWindowDays: 28,
      slowDays: 90,
    });
  });

  it("reads a full set of params", () => {
    expect(
      parse({
        city: "Shanghai",
        node: "sh-002",
        category: "cat-1",
        q: " RN-101 ",
        sort: "daysOfSupply",
        dir: "asc",
        window: "112",
        slow: "30",
      }),
    ).toEqual({
      city: "Shanghai",
      node: { id: "n2", code: "SH-002", city: "Shanghai" },
      categoryId: "cat-1",
      q: "RN-101",
      sort: { key: "daysOfSupply", dir: "asc" },
      windowDays: 112,
      defaultWindowDays: 28,
      slowDays: 30,
    });
  });

  it("lets a node set its own city", () => {
    expect(parse({ city: "Shanghai", node: "BJ-001" })).toMatchObject({
      city: "Beijing",
      node: { id: "n3" },
    });
  });

  it.each<[DashboardParams, object]>([
    [{ window: "30" }, { windowDays: 28 }],
    [{ window: "7.5" }, { windowDays: 28 }],
    [{ window: "-7" }, { windowDays: 28 }],
    [{ slow: "13" }, { slowDays: 90 }],
    [{ slow: "366" }, { slowDays: 90 }],
    [{ slow: "14" }, { slowDays: 14 }],
    [{ slow: "365" }, { slowDays: 365 }],
    [{ slow: "1e3" }, { slowDays: 90 }],
    [{ sort: "price; drop" }, { sort: { key: "stockValue", dir: "desc" } }],
    [{ sort: "name" }, { sort: { key: "name", dir: "asc" } }],
    [{ sort: "onHand", dir: "sideways" }, { sort: { key: "onHand", dir: "desc" } }],
  ])("falls back to the default for %o", (params, expected) => {
    expect(parse(params)).toMatchObject(expected);
  });

  it.each<DashboardParams>([{ city: "Atlantis" }, { node: "XX-404" }, { q: "   " }])(
    "drops an unknown or empty filter: %o",
    (params) => {
      const state = parse(params);
      expect([state.city, state.node, state.q]).toEqual([undefined, undefined, undefined]);
    },
  );

  it("cuts a search at 64 characters", () => {
    expect(parse({ q: "x".repeat(80) }).q).toHaveLength(64);
  });
});

describe("dashboardHref", () => {
  it("writes only what differs from the defaults", () => {
    expect(dashboardHref(parse({}))).toBe("/admin/inventory");
    expect(dashboardHref(parse({ window: "7", slow: "60", q: "a&b" }))).toBe(
      "/admin/inventory?q=a%26b&window=7&slow=60",
    );
  });

  it("drills down and back, keeping the filters and the sort", () => {
    const state = parse({ category: "c1", sort: "onHand", dir: "asc" });
    const inCity = dashboardHref(state, { city: "Shanghai" });
    expect(inCity).toBe("/admin/inventory?city=Shanghai&category=c1&sort=onHand&dir=asc");
    const atNode = parse({ city: "Shanghai", node: "SH-001", category: "c1" });
    expect(dashboardHref(atNode, { node: undefined })).toBe(
      "/admin/inventory?city=Shanghai&category=c1",
    );
    expect(dashboardHref(atNode, { city: undefined, node: undefined })).toBe(
      "/admin/inventory?category=c1",
    );
    // Another city leaves the node behind.
    expect(dashboardHref(atNode, { city: "Beijing" })).toBe(
      "/admin/inventory?city=Beijing&category=c1",
    );
    expect(dashboardHref(atNode, { categoryId: undefined })).toBe(
      "/admin/inventory?city=Shanghai&node=SH-001",
    );
    expect(dashboardHref(parse({ city: "Shanghai" }), { node: "SH-002" })).toBe(
      "/admin/inventory?city=Shanghai&node=SH-002",
    );
  });

  it("links a sort", () => {
    expect(dashboardHref(parse({}), { sort: { key: "stockValue", dir: "asc" } })).toBe(
      "/admin/inventory?sort=stockValue&dir=asc",
    );
  });
});
