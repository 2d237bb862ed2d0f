import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { BoundOf, FieldErrors, FieldProblem } from "@/lib/errors/field-problem";

/**
 * Parses input with a zod schema or throws INVALID_INPUT with every problem keyed by its field
 * path ("_" for the input as a whole), so a form can show each one beside its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_INPUT", "Some fields are not valid.", {
    fieldErrors: fieldErrorsOf(parsed.error.issues, raw),
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
      return issue.params?.problem === "NOT_JSON_OBJECT"
        ? { problem: "NOT_JSON_OBJECT" }
        : { problem: "INVALID" };
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
