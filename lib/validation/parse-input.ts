import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { BoundOf, FieldErrors, FieldProblem } from "@/lib/errors/field-problem";
import { badCharacterPaths } from "./text-characters";

/**
 * Parses input with a zod schema or throws INVALID_INPUT with every problem keyed by its field
 * path ("_" for the input as a whole), so a form can show each one beside its field. Text the
 * database cannot store (U+0000, an unpaired surrogate) is refused anywhere in the input, and in
 * what the schema made of it (a JSON text's escapes), before any query can fail on it.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  refuseBadCharacters(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Some fields are not valid.", {
      fieldErrors: fieldErrorsOf(parsed.error.issues, raw),
    });
  }
  refuseBadCharacters(parsed.data);
  return parsed.data;
}

function refuseBadCharacters(value: unknown): void {
  const paths = badCharacterPaths(value);
  if (paths.length === 0) return;
  const fieldErrors: FieldErrors = {};
  for (const path of paths) fieldErrors[path.join(".") || "_"] = [{ problem: "BAD_CHARACTERS" }];
  throw new AppError("INVALID_INPUT", "Some fields contain characters that cannot be stored.", {
    fieldErrors,
  });
}

/** zod's issues as typed field problems keyed by field path; `raw` tells a missing field apart. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], raw: unknown): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fieldErrors[key] ??= []).push(problemOf(issue, valueAt(raw, issue.path)));
  }
  return fieldErrors;
}

function problemOf(issue: z.core.$ZodIssue, value: unknown): FieldProblem {
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined || value === null) return { problem: "REQUIRED" };
      return issue.expected === "int" ? { problem: "NOT_INTEGER" } : { problem: "WRONG_TYPE" };
    case "too_small":
      return {
        problem: "TOO_SMALL",
        of: boundOf(issue.origin),
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive !== false,
      };
    case "too_big":
      return {
        problem: "TOO_BIG",
        of: boundOf(issue.origin),
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive !== false,
      };
    case "invalid_format":
      return { problem: "BAD_FORMAT" };
    case "invalid_value":
      return { problem: "NOT_AN_OPTION" };
    case "unrecognized_keys":
      return { problem: "UNKNOWN_FIELD" };
    case "custom":
      // A refinement may name its problem: `ctx.addIssue({ code: "custom", params: { problem } })`.
      if (issue.params?.problem === "NOT_JSON_OBJECT") return { problem: "NOT_JSON_OBJECT" };
      if (issue.params?.problem === "BAD_CHARACTERS") return { problem: "BAD_CHARACTERS" };
      return { problem: "INVALID" };
    default:
      return { problem: "INVALID" };
  }
}

function boundOf(origin: string): BoundOf {
  if (origin === "string") return "text";
  if (origin === "array" || origin === "set") return "list";
  return "number";
}

/** The raw value at a path, to tell a missing field (REQUIRED) from one of the wrong type. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
