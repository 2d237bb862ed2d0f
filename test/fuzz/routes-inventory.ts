import fc from "fast-check";
import { ROLES, type Role } from "@/lib/auth/roles";
import { controlText, hugeText, junkText, poisonText } from "./bad-values";
import type { RouteCall, RouteSpec } from "./route-table";

const caller = fc.constantFrom<Role | "anonymous">("anonymous", ...ROLES);
const asText = junkText.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));

/** Candidate days for a setting: mostly refused ones; `accepted` drops any the setting takes. */
const badDays = fc.oneof(
  asText,
  poisonText,
  hugeText,
  controlText,
  fc.constantFrom("", " ", "-1", "1.5", "1e1", "0x10", " 21", "91", "365", "99999", "6"),
);
const anyDays = fc.option(fc.oneof(badDays, fc.constantFrom("7", "21", "28", "3", "60")), {
  nil: undefined,
});
const anyText = fc.option(fc.oneof(asText, poisonText, fc.constantFrom("", "RN-101")), {
  nil: undefined,
});

/** Whether the route would take `value` for `setting` (the generator keeps only refused ones). */
function accepted(setting: "window" | "target" | "lead", value: string): boolean {
  if (setting === "window") return ["7", "28", "56", "112"].includes(value);
  if (!/^\d{1,4}$/.test(value)) return false;
  const days = Number(value);
  return setting === "target" ? days >= 7 && days <= 90 : days <= 60;
}

const query = (pairs: [string, string | undefined][]): [string, string][] =>
  pairs.filter((p): p is [string, string] => p[1] !== undefined);

/**
 * A replenishment download with at least one setting out of bounds (window, target or lead), so
 * an admin is answered 400 and everyone else 401/403.
 */
const badSettings = fc
  .record({
    caller,
    bad: fc.constantFrom("window", "target", "lead"),
    value: badDays,
    window: anyDays,
    target: anyDays,
    lead: anyDays,
    q: anyText,
    category: anyText,
  })
  .filter((c) => !accepted(c.bad, c.value))
  .map((c): RouteCall => ({
    caller: c.caller,
    query: query([
      ["window", c.bad === "window" ? c.value : c.window],
      ["target", c.bad === "target" ? c.value : c.target],
      ["lead", c.bad === "lead" ? c.value : c.lead],
      ["q", c.q],
      ["category", c.category],
    ]),
    headers: [],
  }));

/** The fuzz entries of the inventory suggestion downloads under app/api. */
export const INVENTORY_ROUTES: Record<string, RouteSpec> = {
  "admin/inventory/replenishment": { methods: ["GET"], calls: badSettings },
};
