import { describe, expect, it } from "vitest";
import {
  readSuggestionQuery,
  replenishmentQuerySchema,
  suggestionSearch,
} from "./suggestion-query";

const DEFAULTS = {
  skuQuery: undefined,
  categoryId: undefined,
  windowDays: 28,
  targetDays: 21,
  slowThresholdDays: 90,
  leadTimeDays: 3,
};

describe("readSuggestionQuery", () => {
  it("reads every setting", () => {
    expect(
      readSuggestionQuery({
        q: " RN-101 ",
        category: "cat_running",
        window: "56",
        target: "14",
        slow: "120",
        lead: "0",
      }),
    ).toEqual({
      skuQuery: "RN-101",
      categoryId: "cat_running",
      windowDays: 56,
      targetDays: 14,
      slowThresholdDays: 120,
      leadTimeDays: 0,
    });
  });

  it.each([
    [{}],
    [{ window: "30", target: "6", slow: "366", lead: "61" }],
    [{ window: "28.0", target: "1e1", slow: "-90", lead: " 3 x" }],
    [{ q: "", category: "\u0000", target: "91", lead: "" }],
    [{ q: "x".repeat(61), window: ["30", "7"], target: "９" }],
  ])("falls back to the defaults for values it cannot use: %j", (query) => {
    expect(readSuggestionQuery(query)).toEqual(DEFAULTS);
  });

  it("never lets the slow threshold fall below the target", () => {
    expect(readSuggestionQuery({ target: "60", slow: "30" })).toMatchObject({
      targetDays: 60,
      slowThresholdDays: 90,
    });
    expect(readSuggestionQuery({ target: "90", slow: "80" })).toMatchObject({
      slowThresholdDays: 90,
    });
    expect(readSuggestionQuery({ target: "45", slow: "45" }).slowThresholdDays).toBe(45);
  });
});

describe("replenishmentQuerySchema", () => {
  it("gives the defaults for an empty query and treats empty text as absent", () => {
    expect(replenishmentQuerySchema.parse({})).toEqual({
      skuQuery: undefined,
      categoryId: undefined,
      windowDays: 28,
      targetDays: 21,
      leadTimeDays: 3,
    });
    expect(replenishmentQuerySchema.parse({ q: " ", category: "" })).toMatchObject({
      skuQuery: undefined,
      categoryId: undefined,
    });
  });

  it.each([{ window: "30" }, { target: "6" }, { lead: "61" }, { lead: "-1" }, { target: "1e1" }])(
    "refuses %j",
    (query) => {
      expect(replenishmentQuerySchema.safeParse(query).success).toBe(false);
    },
  );
});

describe("suggestionSearch", () => {
  it("writes only what differs from the defaults", () => {
    expect(suggestionSearch(DEFAULTS, ["slow", "lead"])).toBe("");
    expect(
      suggestionSearch(
        { ...DEFAULTS, skuQuery: "RN 101", windowDays: 7, slowThresholdDays: 120, leadTimeDays: 5 },
        ["lead"],
      ),
    ).toBe("q=RN+101&window=7&lead=5");
  });

  it("round-trips through the reader", () => {
    const query = { ...DEFAULTS, categoryId: "c1", targetDays: 30, slowThresholdDays: 200 };
    const params = Object.fromEntries(new URLSearchParams(suggestionSearch(query, ["slow"])));
    expect(readSuggestionQuery(params)).toEqual(query);
  });
});
