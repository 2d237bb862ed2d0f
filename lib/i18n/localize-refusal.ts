import type { FieldProblem, Refusal } from "@/lib/errors/app-error";
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
const MONEY_FACTS = new Set(["minSpend", "subtotal", "paid", "total"]);

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
    return {
      message: t(`reason.${refusal.code}.${details.reason}`, factsOf(details, locale)),
      fields,
    };
  }
  const headline = t(`refusal.${refusal.code}`);
  // Without a reason, the field problems are the specifics; forms without field slots need them.
  const specifics = unique(Object.values(fields));
  return { message: [headline, ...specifics].join(gap), fields };
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
