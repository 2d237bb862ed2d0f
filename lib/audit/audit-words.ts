/**
 * An audit entry in words: what was changed, named by its codes rather than its record ids, and
 * each field that changed with its value before and after.
 */

/** Record ids the audit page turns into names (codes, or names where a row has no code). */
export type AuditNames = ReadonlyMap<string, string>;

/** One shown value: a text, a yes/no, or nothing (the side that did not exist, or a null). */
export type AuditValue =
  { kind: "text"; text: string } | { kind: "flag"; on: boolean } | { kind: "none" };

export type AuditFieldChange = { field: string; before: AuditValue; after: AuditValue };

type Facts = Record<string, unknown>;

/** Fields that hold a record id; their values are shown by name. */
const ID_FIELDS = [
  "channelId",
  "categoryId",
  "skuId",
  "nodeId",
  "organizationId",
  "quotaPolicyId",
  "productId",
] as const;

/** Bookkeeping a reader does not need: the optimistic-concurrency counter. */
const HIDDEN_FIELDS = new Set(["version"]);

/** Entities whose audit id is "nodeId/skuId" (a stock level has no id of its own). */
const PAIR_ENTITIES = new Set(["STOCK_LEVEL"]);

/** Entities whose target is best said from their facts (channel and scope), not their id. */
const SCOPED_ENTITIES = new Set(["ALLOCATION_POLICY", "TIER_SWITCH_RULE"]);

function asFacts(value: unknown): Facts | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Facts)
    : null;
}

/** Every record id an entry refers to: its target and the id fields of its facts. */
export function auditIdsOf(entry: {
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}): string[] {
  const ids = new Set<string>();
  if (entry.entityId) {
    for (const id of PAIR_ENTITIES.has(entry.entity)
      ? entry.entityId.split("/")
      : [entry.entityId]) {
      ids.add(id);
    }
  }
  for (const facts of [asFacts(entry.before), asFacts(entry.after)]) {
    for (const field of ID_FIELDS) {
      const value = facts?.[field];
      if (typeof value === "string") ids.add(value);
    }
  }
  return [...ids];
}

/**
 * What an entry changed, in words: a stock level as "node · SKU", a policy or tier rule as its
 * channel and scope, anything else by its code. An id no longer on record shows as stored.
 */
export function auditTarget(
  entry: { entity: string; entityId: string | null; before: unknown; after: unknown },
  names: AuditNames,
): string | null {
  const name = (id: string) => names.get(id) ?? id;
  if (SCOPED_ENTITIES.has(entry.entity)) {
    const facts = asFacts(entry.after) ?? asFacts(entry.before);
    if (facts) {
      const scoped = [facts.channelId, facts.categoryId, facts.skuId]
        .filter((id): id is string => typeof id === "string")
        .map(name);
      if (typeof facts.lifecycle === "string") scoped.push(facts.lifecycle);
      if (scoped.length > 0) return scoped.join(" · ");
    }
  }
  if (!entry.entityId) return null;
  return PAIR_ENTITIES.has(entry.entity)
    ? entry.entityId.split("/").map(name).join(" · ")
    : name(entry.entityId);
}

function valueOf(value: unknown, field: string, names: AuditNames): AuditValue {
  if (value === null || value === undefined || value === "") return { kind: "none" };
  if (typeof value === "boolean") return { kind: "flag", on: value };
  if (typeof value === "string") {
    const named = (ID_FIELDS as readonly string[]).includes(field) ? names.get(value) : undefined;
    return { kind: "text", text: named ?? value };
  }
  if (typeof value === "number") return { kind: "text", text: String(value) };
  return { kind: "text", text: listText(value) };
}

/**
 * A list or record value (e.g. a style's prices per SKU) as one short line; the record ids
 * inside a list (a routing rule's id) say nothing to a reader and are left out.
 */
function listText(value: unknown): string {
  if (Array.isArray(value)) return value.map(listText).join("; ");
  const facts = asFacts(value);
  if (facts) {
    return Object.entries(facts)
      .filter(([key]) => key !== "id")
      .map(([, v]) => (v !== null && typeof v === "object" ? listText(v) : String(v)))
      .join(" ");
  }
  return String(value);
}

function same(a: AuditValue, b: AuditValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields an entry shows: on an edit those whose value changed, on a creation or deletion
 * every field of the side that exists.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  names: AuditNames,
): AuditFieldChange[] {
  const was = asFacts(before);
  const is = asFacts(after);
  if ((before != null && !was) || (after != null && !is)) {
    // A whole set (the routing rules) is kept as a list: shown as one value, before and after.
    return [{ field: "", before: valueOf(before, "", names), after: valueOf(after, "", names) }];
  }
  const fields = [...new Set([...Object.keys(was ?? {}), ...Object.keys(is ?? {})])];
  return fields
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .map((field) => ({
      field,
      before: valueOf(was?.[field], field, names),
      after: valueOf(is?.[field], field, names),
    }))
    .filter((change) => !(was && is) || !same(change.before, change.after));
}
