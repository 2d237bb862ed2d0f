import { describe, expect, it } from "vitest";
import { auditDateRange, readAuditFilter } from "./audit-filter";

describe("audit filter", () => {
  it("reads the page's query, dropping what it cannot use", () => {
    expect(
      readAuditFilter({
        entity: "NODE",
        action: ["DEACTIVATE", "x"],
        actor: "u1",
        from: "2026-12-01",
        to: "2026-02-30",
        page: "3",
      }),
    ).toEqual({
      entity: "NODE",
      action: "DEACTIVATE",
      actorId: "u1",
      from: "2026-12-01",
      to: undefined,
      page: 3,
    });
    expect(readAuditFilter({ page: "0", from: "yesterday", entity: "" })).toEqual({
      entity: undefined,
      action: undefined,
      actorId: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    expect(readAuditFilter({ page: "2.5", entity: "A\u0000" }).page).toBe(1);
  });

  it("turns days into a range including the whole last day", () => {
    expect(auditDateRange({ from: "2026-12-01", to: "2026-12-05" })).toEqual({
      gte: new Date("2026-12-01T00:00:00.000Z"),
      lt: new Date("2026-12-06T00:00:00.000Z"),
    });
    expect(auditDateRange({})).toEqual({});
  });
});
