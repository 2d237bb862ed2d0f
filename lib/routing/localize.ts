import type { MessageParam, MessagePart } from "./types";

/** A translator for the `routing` namespace, as next-intl's `getTranslations("routing")` gives. */
export type RoutingTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * Renders a stored routing message in the reader's language: nested messages first, then the
 * catalogue's `routing.*` template (messages/<locale>/routing.json) with the parameters.
 */
export function localizeRoutingMessage(part: MessagePart, t: RoutingTranslator): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(part.params)) values[name] = localizeParam(value, t);
  return t(part.key.replace(/^routing\./, ""), values);
}

function localizeParam(value: MessageParam, t: RoutingTranslator): string | number {
  return typeof value === "object" ? localizeRoutingMessage(value, t) : value;
}

/** Sentences joined for display; Chinese sentences need no space between them. */
export function localizeSentences(
  parts: readonly MessagePart[],
  t: RoutingTranslator,
  locale: string,
): string {
  return parts.map((p) => localizeRoutingMessage(p, t)).join(locale.startsWith("zh") ? "" : " ");
}
