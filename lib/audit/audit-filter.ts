import { cleanParam, type RawParam } from "@/lib/validation/route-params";

/** Audit entries shown per page. */
export const AUDIT_PAGE_SIZE = 50;

/** What the audit page narrows the trail to; every part optional. */
export type AuditFilter = {
  entity?: string;
  action?: string;
  /** The actor's user id. */
  actorId?: string;
  /** First and last day (UTC, YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  page: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: RawParam): string | undefined {
  const text = cleanParam(value, { maxLength: 10 });
  if (!text || !DAY.test(text)) return undefined;
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text
    ? undefined
    : text;
}

/** The audit page's query as a filter; values it cannot use are dropped, not refused. */
export function readAuditFilter(query: Record<string, RawParam>): AuditFilter {
  const page = Number(cleanParam(query.page, { maxLength: 6 }) ?? "1");
  return {
    entity: cleanParam(query.entity, { maxLength: 60 }) ?? undefined,
    action: cleanParam(query.action, { maxLength: 60 }) ?? undefined,
    actorId: cleanParam(query.actor) ?? undefined,
    from: day(query.from),
    to: day(query.to),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The createdAt bounds of a filter's days: from the first day's start to the last day's end. */
export function auditDateRange(filter: Pick<AuditFilter, "from" | "to">): {
  gte?: Date;
  lt?: Date;
} {
  const range: { gte?: Date; lt?: Date } = {};
  if (filter.from) range.gte = new Date(`${filter.from}T00:00:00.000Z`);
  if (filter.to) range.lt = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000);
  return range;
}
