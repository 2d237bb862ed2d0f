import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import {
  entriesQuery,
  readEntriesFilter,
  readStatementFilter,
  statementFilterOf,
  statementQuery,
  statementQuerySchema,
} from "./statement-filter";

// 6 December 2026, 11:00 in Shanghai.
const now = new Date("2026-12-06T03:00:00Z");

describe("the statement page's query", () => {
  it("shows this month so far by month when nothing is asked", () => {
    expect(readStatementFilter({}, now)).toEqual({
      organizationId: undefined,
      period: "month",
      from: "2026-12-01",
      to: "2026-12-06",
    });
  });

  it("reads an organisation, a period and a range", () => {
    expect(
      readStatementFilter(
        { org: "org_HQ", period: "day", from: "2026-11-01", to: "2026-11-30" },
        now,
      ),
    ).toEqual({ organizationId: "org_HQ", period: "day", from: "2026-11-01", to: "2026-11-30" });
  });

  it("drops what it cannot use, swaps reversed ends and cuts a range too long for days", () => {
    expect(
      readStatementFilter(
        { org: "x\u0000", period: "week", from: "2026-02-30", to: ["2026-11-30", "x"] },
        now,
      ),
    ).toEqual({
      organizationId: undefined,
      period: "month",
      from: "2026-11-30",
      to: "2026-12-01",
    });
    expect(readStatementFilter({ from: "2026-12-31", to: "2026-12-01" }, now)).toMatchObject({
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(
      readStatementFilter({ period: "day", from: "2020-01-01", to: "2026-12-31" }, now),
    ).toMatchObject({
      from: "2025-12-31",
      to: "2026-12-31",
    });
  });

  it("reads the drill-down's kind and page, ignoring what is not one", () => {
    expect(readEntriesFilter({ kind: "REFUND", page: "3", org: "org_A" }, now)).toEqual({
      organizationId: "org_A",
      from: "2026-12-01",
      to: "2026-12-06",
      kind: "REFUND",
      page: 3,
    });
    expect(readEntriesFilter({ kind: "BONUS", page: "-2" }, now)).toMatchObject({
      kind: undefined,
      page: 1,
    });
  });

  it("writes a scope back as the links' query", () => {
    const filter = {
      organizationId: "org_A",
      period: "day" as const,
      from: "2026-12-01",
      to: "2026-12-06",
    };
    expect(statementQuery(filter)).toBe("org=org_A&period=day&from=2026-12-01&to=2026-12-06");
    expect(
      readStatementFilter(Object.fromEntries(new URLSearchParams(statementQuery(filter))), now),
    ).toEqual(filter);
    expect(entriesQuery({ from: "2026-12-01", to: "2026-12-01", kind: "REFUND", page: 2 })).toBe(
      "from=2026-12-01&to=2026-12-01&kind=REFUND&page=2",
    );
  });
});

describe("the statement download's query", () => {
  const refused = (raw: unknown) => {
    try {
      parseInput(statementQuerySchema, raw);
    } catch (error) {
      if (isAppError(error)) return error.fieldErrors;
      throw error;
    }
    throw new Error("expected a refusal");
  };

  it("takes every part explicitly, month by default", () => {
    const query = parseInput(statementQuerySchema, { from: "2026-01-01", to: "2026-12-31" });
    expect(statementFilterOf(query)).toEqual({
      organizationId: undefined,
      period: "month",
      from: "2026-01-01",
      to: "2026-12-31",
    });
  });

  it("refuses a missing or impossible day, reversed ends and a day range over a year", () => {
    expect(refused({ to: "2026-12-31" })).toHaveProperty("from");
    expect(refused({ from: "2026-02-30", to: "2026-12-31" })).toHaveProperty("from");
    expect(refused({ from: "2026-12-31", to: "2026-12-01" })).toHaveProperty("to");
    expect(refused({ period: "day", from: "2025-01-01", to: "2026-12-31" })).toHaveProperty("from");
    expect(refused({ period: "week", from: "2026-12-01", to: "2026-12-31" })).toHaveProperty(
      "period",
    );
  });
});
