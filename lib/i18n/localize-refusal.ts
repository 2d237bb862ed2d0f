import type { FieldProblem, Refusal } from "@/lib/errors/app-error";
import {
  isItemReason,
  type ItemNaming,
  type RoutingAvailability,
} from "@/lib/errors/error-details";
import { formatMoney } from "./money";

/** A translator for the `errors` namespace, as next-intl's `useTranslations("errors")` gives. */
export type ErrorsTranslator = (key: string, values?: Record<string, string | number>) => string;

/** What a page needs to word a refusal: the `errors` translator and the page's locale. */
export type RefusalIntl = { t: ErrorsTranslator; locale: string };

/** A refusal worded for the reader. */
export type RefusalText = {
  /** The reason (or, without one, the code) in a sentence; an input refusal adds its problems. */
  message: string;
  /** Each refused field's problems by field path, for a form that shows them beside the field. */
  fields: Record<string, string>;
};

/** Facts in fen, shown as money in the reader's format. */
const MONEY_FACTS = new Set([
  "minSpend",
  "subtotal",
  "paid",
  "total",
  "listPrice",
  "spendLeft",
  "refundable",
]);

/**
 * Words a refusal in the page's language from its code, its typed details and its field
 * problems (messages/<locale>/errors.json). The server's English `message` is never used: a
 * reason gives the specific sentence, a code alone its general one.
 */
export function localizeRefusal(refusal: Refusal, intl: RefusalIntl): RefusalText {
  const { t, locale } = intl;
  const gap = sentenceGap(locale);
  const fields: Record<string, string> = {};
  for (const [path, problems] of Object.entries(refusal.fieldErrors ?? {})) {
    fields[path] = unique(problems.map((p) => fieldProblemText(p, t))).join(gap);
  }
  const details = refusal.details;
  if (details) {
    const facts = factsOf(details, locale);
    // A reason about particular items names them when the refusal carries their names.
    const named = isItemReason(refusal.code, details.reason) ? nameItems(details, t, locale) : null;
    return {
      message: named
        ? t(`named.${refusal.code}.${details.reason}`, { ...facts, ...named })
        : t(`reason.${refusal.code}.${details.reason}`, facts),
      fields,
    };
  }
  const headline = t(`refusal.${refusal.code}`);
  // Without a reason, the field problems are the specifics; forms without field slots need them.
  const specifics = unique(Object.values(fields));
  return { message: [headline, ...specifics].join(gap), fields };
}

/** An item as the reader knows it ("Velocity Run 3 · Black · 42"), in the reader's language. */
export function itemText(item: ItemNaming, t: ErrorsTranslator): string {
  const { product, productZh, colour, colourZh, size } = item;
  return t("item", { product, productZh, colour, colourZh, size });
}

/** `{ item }` or `{ items }` for a named sentence, or null when the refusal does not name them. */
function nameItems(
  details: object,
  t: ErrorsTranslator,
  locale: string,
): { item: string } | { items: string } | null {
  if (!("availability" in details) || !Array.isArray(details.availability)) {
    const own = namingOf(details);
    return own ? { item: itemText(own, t) } : null;
  }
  const entries = details.availability as readonly RoutingAvailability[];
  // The items that are short when routing says so, else every item it reports on.
  const short = entries.filter(
    (a) => a.eligibleTotal === undefined || a.eligibleTotal < a.requested,
  );
  const named = (short.length > 0 ? short : entries).map((a) => a.item);
  if (named.length === 0 || named.some((item) => item === undefined)) return null;
  return {
    items: named
      .flatMap((item) => (item ? [itemText(item, t)] : []))
      .join(locale.startsWith("zh") ? "、" : ", "),
  };
}

/** The item naming spread into a refusal's details, when all of it is there. */
function namingOf(details: object): ItemNaming | null {
  const facts = details as Partial<Record<keyof ItemNaming, unknown>>;
  const { product, productZh, colour, colourZh, size } = facts;
  return typeof product === "string" &&
    typeof productZh === "string" &&
    typeof colour === "string" &&
    typeof colourZh === "string" &&
    typeof size === "string"
    ? { product, productZh, colour, colourZh, size }
    : null;
}

/** One field problem in the reader's language; the form's own label for the field stays outside. */
export function fieldProblemText(problem: FieldProblem, t: ErrorsTranslator): string {
  switch (problem.problem) {
    case "TOO_SMALL":
      return t(`field.TOO_SMALL.${boundKey(problem.of, problem.inclusive)}`, {
        minimum: problem.minimum,
      });
    case "TOO_BIG":
      return t(`field.TOO_BIG.${boundKey(problem.of, problem.inclusive)}`, {
        maximum: problem.maximum,
      });
    default:
      return t(`field.${problem.problem}`);
  }
}

function boundKey(of: "number" | "text" | "list", inclusive: boolean): string {
  return of === "number" && !inclusive ? "numberExclusive" : of;
}

/** The numbers and words among a refusal's details, money formatted, for the message's slots. */
function factsOf(details: object, locale: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === "number") {
      values[name] = MONEY_FACTS.has(name) ? formatMoney(value, locale) : value;
    } else if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** Chinese sentences end in 。 and follow each other without a space. */
function sentenceGap(locale: string): string {
  return locale.startsWith("zh") ? "" : " ";
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

/** One item of routing's "what is available where", named in the reader's language. */
export type AvailabilityText = {
  skuId: string;
  /** The item's name, or null when the refusal did not carry it. */
  item: string | null;
  requested: number;
  /** Nodes that hold units, with the node's name in the reader's language. */
  nodes: { nodeId: string; name: string; quantity: number }[];
};

/** Routing's "what is available where" worded for the reader: item names, node names. */
export function localizeAvailability(
  availability: readonly RoutingAvailability[],
  intl: RefusalIntl,
): AvailabilityText[] {
  const zh = intl.locale.startsWith("zh");
  return availability.map((a) => ({
    skuId: a.skuId,
    item: a.item ? itemText(a.item, intl.t) : null,
    requested: a.requested,
    nodes: a.nodes
      .filter((n) => n.quantity > 0)
      .map((n) => ({
        nodeId: n.nodeId,
        name: zh && n.nameZh ? n.nameZh : n.name,
        quantity: n.quantity,
      })),
  }));
}
