import { describe, expect, it } from "vitest";
import {
  daysOfPeriod,
  groupByOrganization,
  periodOf,
  pivotStatement,
  totalOf,
  type KindSum,
} from "./report";
import { addDaysTo, daysFromTo, isCalendarDay, shanghaiDayRange } from "./shanghai-days";

describe("Shanghai periods", () => {
  it.each([
    ["2026-11-30T15:59:59.999Z", "2026-11-30", "2026-11"],
    ["2026-11-30T16:00:00.000Z", "2026-12-01", "2026-12"],
    ["2026-12-31T16:00:00.000Z", "2027-01-01", "2027-01"],
  ])("reports %s on the Shanghai day %s and month %s", (iso, day, month) => {
    expect(periodOf(new Date(iso), "day")).toBe(day);
    expect(periodOf(new Date(iso), "month")).toBe(month);
  });

  it("spans a range of days from the first day's Shanghai midnight to the day after the last", () => {
    expect(shanghaiDayRange("2026-12-01", "2026-12-31")).toEqual({
      gte: new Date("2026-11-30T16:00:00Z"),
      lt: new Date("2026-12-31T16:00:00Z"),
    });
  });

  it("counts and steps calendar days, leap days included", () => {
    expect(addDaysTo("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysTo("2027-01-01", -1)).toBe("2026-12-31");
    expect(daysFromTo("2026-01-01", "2026-12-31")).toBe(364);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2027-02-29")).toBe(false);
  });

  it("narrows a month to the part of the range it covers, for the drill-down", () => {
    const range = { from: "2026-11-15", to: "2027-02-10" };
    expect(daysOfPeriod("2026-11", "month", range)).toEqual({
      from: "2026-11-15",
      to: "2026-11-30",
    });
    expect(daysOfPeriod("2026-12", "month", range)).toEqual({
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(daysOfPeriod("2027-02", "month", range)).toEqual({
      from: "2027-02-01",
      to: "2027-02-10",
    });
    expect(daysOfPeriod("2026-12-24", "day", range)).toEqual({
      from: "2026-12-24",
      to: "2026-12-24",
    });
  });
});

describe("statement rows", () => {
  const sums: KindSum[] = [
    { organizationId: "org_B", period: "2026-12", kind: "FULFILMENT_FEE", amount: 600 },
    { organizationId: "org_A", period: "2026-12", kind: "REFUND", amount: -2_000 },
    { organizationId: "org_A", period: "2026-11", kind: "SALES_CREDIT", amount: 10_000 },
    { organizationId: "org_A", period: "2026-12", kind: "SALES_CREDIT", amount: 5_000 },
    { organizationId: "org_A", period: "2026-12", kind: "FULFILMENT_FEE", amount: -600 },
    { organizationId: "org_A", period: "2026-12", kind: "GUIDE_COMMISSION", amount: -150 },
    { organizationId: "org_A", period: "2026-12", kind: "EMPLOYEE_DISCOUNT", amount: 900 },
  ];

  it("puts each kind in its column and the net beside them, ordered by organisation and period", () => {
    expect(pivotStatement(sums)).toEqual([
      {
        organizationId: "org_A",
        period: "2026-11",
        sales: 10_000,
        fees: 0,
        commissions: 0,
        employeeDiscount: 0,
        refunds: 0,
        net: 10_000,
      },
      {
        organizationId: "org_A",
        period: "2026-12",
        sales: 5_000,
        fees: -600,
        commissions: -150,
        employeeDiscount: 900,
        refunds: -2_000,
        net: 3_150,
      },
      {
        organizationId: "org_B",
        period: "2026-12",
        sales: 0,
        fees: 600,
        commissions: 0,
        employeeDiscount: 0,
        refunds: 0,
        net: 600,
      },
    ]);
  });

  it("groups rows per organisation in the given order with totals, leaving out those without entries", () => {
    const groups = groupByOrganization(pivotStatement(sums), [
      { id: "org_B" },
      { id: "org_C" },
      { id: "org_A" },
    ]);
    expect(groups.map((g) => [g.organization.id, g.rows.length, g.total.net])).toEqual([
      ["org_B", 1, 600],
      ["org_A", 2, 13_150],
    ]);
    expect(groups[1]!.total).toEqual({
      sales: 15_000,
      fees: -600,
      commissions: -150,
      employeeDiscount: 900,
      refunds: -2_000,
      net: 13_150,
    });
    expect(totalOf(groups.map((g) => g.total)).net).toBe(13_750);
  });

  it("nets a pair booked to both sides to zero across organisations", () => {
    const pair: KindSum[] = [
      { organizationId: "store", period: "2026-12", kind: "FULFILMENT_FEE", amount: 600 },
      { organizationId: "channel", period: "2026-12", kind: "FULFILMENT_FEE", amount: -600 },
    ];
    expect(totalOf(pivotStatement(pair))).toMatchObject({ fees: 0, net: 0 });
  });
});
