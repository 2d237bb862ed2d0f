import type { z } from "zod";
import type { RuleBehaviour } from "./rule-types";

/** A rule's parameters turned into its behaviour, or the problem with them. */
export type RuleBinder = (params: unknown) => RuleBehaviour | { problem: string };

/** Validates parameters with the rule's schema before building its behaviour. */
export function bindWith<T>(schema: z.ZodType<T>, build: (params: T) => RuleBehaviour): RuleBinder {
  return (params) => {
    const parsed = schema.safeParse(params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join(".") || "params";
      return { problem: `${path}: ${issue?.message ?? "invalid"}` };
    }
    return build(parsed.data);
  };
}
