import fc from "fast-check";
import { ROLES, type Role } from "@/lib/auth/roles";
import { controlText, hugeText, junkText, poisonText } from "./bad-values";
import type { RouteCall, RouteSpec } from "./route-table";

const caller = fc.constantFrom<Role | "anonymous">("anonymous", ...ROLES);
const asText = junkText.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));

/** A first day the schema refuses, so that even the route's own role is answered 400. */
const badDay = fc.oneof(
  asText,
  poisonText,
  hugeText,
  controlText,
  fc.constantFrom("", " ", "2026-13-01", "2026-02-30", "26-12-01", "2026-1-1", "1999-12-31", "x"),
);
const anyDay = fc.oneof(badDay, fc.constantFrom("2026-12-01", "2026-12-31", "2027-01-01"));
const period = fc.option(fc.oneof(asText, fc.constantFrom("day", "month", "DAY", "week")), {
  nil: undefined,
});

const query = (pairs: [string, string | undefined][]): [string, string][] =>
  pairs.filter((p): p is [string, string] => p[1] !== undefined);

/** A statement download with a first day that is never a day: 400 to its role, 401/403 to others. */
const badRange = fc
  .record({
    caller,
    from: badDay,
    to: anyDay,
    period,
    org: fc.option(asText, { nil: undefined }),
  })
  .map((c): RouteCall => ({
    caller: c.caller,
    query: query([
      ["from", c.from],
      ["to", c.to],
      ["period", c.period],
      ["org", c.org],
    ]),
    headers: [],
  }));

/**
 * A well-formed download naming an organisation no seeded store belongs to: store staff are
 * refused 403 (another organisation), everyone else by role.
 */
const otherOrganization = fc
  .record({
    caller,
    org: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom("org_MP-TMALL")),
  })
  .map((c): RouteCall => ({
    caller: c.caller,
    query: [
      ["from", "2026-12-01"],
      ["to", "2026-12-31"],
      ["org", c.org],
    ],
    headers: [],
  }));

/** The fuzz entries of the settlement statement downloads under app/api. */
export const SETTLEMENT_ROUTES: Record<string, RouteSpec> = {
  "admin/settlement/statement": { methods: ["GET"], calls: badRange },
  "store/settlement/statement": {
    methods: ["GET"],
    calls: fc.oneof(badRange, otherOrganization),
  },
};
