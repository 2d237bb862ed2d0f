/** What a bound counts: a number's value, a text's characters or a list's items. */
export type BoundOf = "number" | "text" | "list";

/**
 * Why one field was refused, as facts rather than a sentence, so that the page words it in the
 * reader's language next to its own label for the field.
 */
export type FieldProblem =
  | { problem: "REQUIRED" }
  | { problem: "TOO_SMALL"; of: BoundOf; minimum: number; inclusive: boolean }
  | { problem: "TOO_BIG"; of: BoundOf; maximum: number; inclusive: boolean }
  | { problem: "NOT_INTEGER" }
  | { problem: "WRONG_TYPE" }
  | { problem: "BAD_FORMAT" }
  | { problem: "NOT_AN_OPTION" }
  | { problem: "UNKNOWN_FIELD" }
  | { problem: "NOT_JSON_OBJECT" }
  /** Text holding a character no database column can store (U+0000, an unpaired surrogate). */
  | { problem: "BAD_CHARACTERS" }
  | { problem: "INVALID" };

export type FieldProblemKind = FieldProblem["problem"];

/** Every kind of field problem, for code that must handle or word each one. */
export const FIELD_PROBLEMS = [
  "REQUIRED",
  "TOO_SMALL",
  "TOO_BIG",
  "NOT_INTEGER",
  "WRONG_TYPE",
  "BAD_FORMAT",
  "NOT_AN_OPTION",
  "UNKNOWN_FIELD",
  "NOT_JSON_OBJECT",
  "BAD_CHARACTERS",
  "INVALID",
] as const satisfies readonly FieldProblemKind[];

/** Problems per field path ("lines.0.quantity"; "_" for the input as a whole). */
export type FieldErrors = Record<string, FieldProblem[]>;

/** A value below its inclusive minimum, e.g. `atLeast(1)` for a quantity. */
export function atLeast(minimum: number, of: BoundOf = "number"): FieldProblem {
  return { problem: "TOO_SMALL", of, minimum, inclusive: true };
}

/** A value above its inclusive maximum, e.g. `atMost(99)` for a cart line. */
export function atMost(maximum: number, of: BoundOf = "number"): FieldProblem {
  return { problem: "TOO_BIG", of, maximum, inclusive: true };
}
