import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { effectiveInstant, newRateSchema, rateTimeline, startsAtShanghaiMidnight } from "./rates";

const parse = (raw: unknown) => parseInput(newRateSchema, raw);
const problems = (raw: unknown) => {
  try {
    parse(raw);
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a refusal");
};
const base = { kind: "FULFILMENT_FEE", effectiveFrom: "2026-12-24" };

describe("a new rate's input", () => {
  it.each([
    [{ percent: 6 }, 600],
    [{ percent: "7.25" }, 725],
    [{ percent: 0.01 }, 1],
    [{ percent: 100 }, 10_000],
    [{ bps: 250 }, 250],
    [{ bps: "0" }, 0],
  ])("reads %o as %i basis points", (rate, bps) => {
    expect(parse({ ...base, ...rate })).toEqual({ ...base, bps, note: undefined });
  });

  it("parses its own output to the same rate (action, then use case)", () => {
    const once = parse({ ...base, percent: 4.5, note: "  Q1  " });
    expect(once).toEqual({ ...base, bps: 450, note: "Q1" });
    expect(parse(once)).toEqual(once);
  });

  it.each([
    [{ percent: 1.005 }, "percent", "INVALID"],
    [{ percent: 100.5 }, "percent", "TOO_BIG"],
    [{ percent: -1 }, "percent", "TOO_SMALL"],
    [{ bps: 10_001 }, "bps", "TOO_BIG"],
    [{ bps: 1.5 }, "bps", "NOT_INTEGER"],
    [{ percent: "" }, "percent", "WRONG_TYPE"],
    [{}, "percent", "REQUIRED"],
    [{ percent: 1, bps: 100 }, "percent", "INVALID"],
    [{ percent: null }, "percent", "REQUIRED"],
  ])("refuses %o at %s (%s)", (rate, field, problem) => {
    expect(problems({ ...base, ...rate })?.[field]?.[0]?.problem).toBe(problem);
  });

  it.each(["2026-02-30", "2026-12-1", "24/12/2026", "1999-12-31", ""])(
    "refuses the day %j",
    (effectiveFrom) => {
      expect(problems({ ...base, percent: 1, effectiveFrom })).toHaveProperty("effectiveFrom");
    },
  );

  it("takes a blank note as none and refuses a long one", () => {
    expect(parse({ ...base, percent: 1, note: "   " }).note).toBeUndefined();
    expect(parse({ ...base, percent: 1, note: null }).note).toBeUndefined();
    expect(problems({ ...base, percent: 1, note: "x".repeat(201) })).toHaveProperty("note");
  });
});

describe("when a rate starts", () => {
  // 15 June 2031, 12:00 in Shanghai.
  const now = new Date("2031-06-15T04:00:00Z");

  it("starts a day to come at its Shanghai midnight, and today from now", () => {
    expect(effectiveInstant("2031-06-16", now)).toEqual(new Date("2031-06-15T16:00:00Z"));
    expect(effectiveInstant("2031-06-15", now)).toBe(now);
  });

  it("refuses a past day, naming today on the Shanghai calendar", () => {
    // 23:30 UTC on the 14th is already the 15th in Shanghai.
    const late = new Date("2031-06-14T23:30:00Z");
    try {
      effectiveInstant("2031-06-14", late);
      throw new Error("expected a refusal");
    } catch (error) {
      expect(isAppError(error) && error.details).toEqual({
        reason: "RATE_IN_PAST",
        today: "2031-06-15",
      });
    }
  });

  it("tells a day's rate from one saved during a day", () => {
    expect(startsAtShanghaiMidnight(new Date("2031-06-15T16:00:00Z"))).toBe(true);
    expect(startsAtShanghaiMidnight(now)).toBe(false);
  });
});

describe("the rate timeline", () => {
  const rate = (id: string, kind: "FULFILMENT_FEE" | "GUIDE_COMMISSION", from: string) => ({
    id,
    kind,
    effectiveFrom: new Date(from),
  });
  const now = new Date("2031-06-15T04:00:00Z");

  it("marks the latest started rate of each kind in force, later ones scheduled, older ended", () => {
    const timeline = rateTimeline(
      [
        rate("g1", "GUIDE_COMMISSION", "2000-01-01T00:00:00Z"),
        rate("f1", "FULFILMENT_FEE", "2000-01-01T00:00:00Z"),
        rate("f3", "FULFILMENT_FEE", "2031-07-01T00:00:00Z"),
        rate("f2", "FULFILMENT_FEE", "2031-06-15T04:00:00Z"),
      ],
      now,
    );
    expect(timeline.map((r) => [r.id, r.status, r.until?.toISOString() ?? null])).toEqual([
      ["f3", "SCHEDULED", null],
      ["f2", "IN_FORCE", "2031-07-01T00:00:00.000Z"],
      ["f1", "ENDED", "2031-06-15T04:00:00.000Z"],
      ["g1", "IN_FORCE", null],
    ]);
  });

  it("has nothing in force before a kind's first rate", () => {
    expect(rateTimeline([rate("f", "FULFILMENT_FEE", "2031-07-01T00:00:00Z")], now)).toEqual([
      expect.objectContaining({ id: "f", status: "SCHEDULED" }),
    ]);
  });
});
