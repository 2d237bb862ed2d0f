import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors/app-error";

/**
 * Parses input with a zod schema or throws INVALID_INPUT with every problem keyed by its field
 * path ("_" for the input as a whole), so a form can show each message beside its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("INVALID_INPUT", "Some fields are not valid.", { fieldErrors });
}
