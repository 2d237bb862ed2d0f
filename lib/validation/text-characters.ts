import { z } from "zod";

// U+0000 ends a C string, so PostgreSQL refuses it in text and in jsonb and the query fails. An
// unpaired UTF-16 surrogate has no UTF-8 form: the driver would store U+FFFD in its place (a
// silent change) and jsonb refuses its escape. Every other character is stored as sent.
const BAD_CHARACTER =
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Enough to show a form every offending field; a flood of them says nothing more.
const MAX_REPORTED = 20;

/** Whether a text holds a character the database cannot store (U+0000, an unpaired surrogate). */
export function hasBadCharacters(text: string): boolean {
  return BAD_CHARACTER.test(text);
}

/**
 * The paths of every string (value or object key) in `value` that holds a character the
 * database cannot store, e.g. `[["lines", "0", "orderLineId"]]`; `[[]]` for a bad string itself.
 * Walks without recursion, so a deeply nested body cannot exhaust the stack.
 */
export function badCharacterPaths(value: unknown): string[][] {
  const found: string[][] = [];
  const seen = new WeakSet<object>();
  // Each entry points at its parent, so a path is spelled out only for what is reported.
  const stack: Step[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const step = stack.pop()!;
    const node = step.value;
    if (typeof node === "string") {
      if (hasBadCharacters(node)) found.push(pathOf(step));
      continue;
    }
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    for (const [key, child] of entriesOf(node)) {
      const childStep = { value: child, key, parent: step };
      if (hasBadCharacters(key)) found.push(pathOf(childStep));
      else stack.push(childStep);
    }
  }
  return found;
}

type Step = { value: unknown; key: string | null; parent: Step | null };

function pathOf(step: Step): string[] {
  const path: string[] = [];
  for (let at: Step | null = step; at?.key != null; at = at.parent) path.push(at.key);
  return path.reverse();
}

function entriesOf(node: object): [string, unknown][] {
  if (Array.isArray(node)) return node.map((item, i) => [String(i), item]);
  // Server actions may receive form data, whose fields are not own properties.
  if (node instanceof FormData || node instanceof URLSearchParams || node instanceof Map) {
    return [...node.entries()].map(([key, item]) => [String(key), item]);
  }
  if (node instanceof Date) return [];
  return Object.entries(node);
}

/**
 * A zod string that refuses characters the database cannot store, for schemas that want to say
 * so themselves (parseInput refuses them in any input anyway); chain `.trim().max(…)` as usual.
 */
export function cleanString() {
  return z.string().refine((text) => !hasBadCharacters(text), {
    message: "Contains characters that cannot be stored.",
    params: { problem: "BAD_CHARACTERS" },
  });
}
