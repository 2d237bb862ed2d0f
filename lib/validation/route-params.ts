import { notFound } from "next/navigation";
import { hasBadCharacters } from "./text-characters";

/** A dynamic segment or query value as Next hands it to a page. */
export type RawParam = string | string[] | undefined;

// Longer than any order number, style code or id: a longer value names nothing.
const MAX_PARAM_LENGTH = 200;

/**
 * One value of a path segment or query parameter that a page may pass to a read: the first value
 * of a repeated parameter, percent-decoded when `decode` is set, or null when it is missing,
 * empty, badly encoded, too long or holds characters the database cannot store.
 */
export function cleanParam(
  value: RawParam,
  options: { decode?: boolean; maxLength?: number } = {},
): string | null {
  let text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return null;
  if (options.decode) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null; // malformed percent-encoding names nothing
    }
  }
  text = text.trim();
  if (text === "" || text.length > (options.maxLength ?? MAX_PARAM_LENGTH)) return null;
  return hasBadCharacters(text) ? null : text;
}

/** A page's path segment (an order number, a style code), or the not-found page when it is unusable. */
export function readRouteParam(value: RawParam, options: { decode?: boolean } = {}): string {
  const text = cleanParam(value, options);
  if (text === null) notFound();
  return text;
}

/** A query value a page reads (a search term), or undefined when it is missing or unusable. */
export function readSearchParam(value: RawParam, maxLength?: number): string | undefined {
  return cleanParam(value, { maxLength }) ?? undefined;
}
