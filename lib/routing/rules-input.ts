import { z } from "zod";
import { prepareRules } from "./prepare-rules";
import { RULE_PARAMS } from "./rules/registry";
import type { RoutingRule } from "./types";

export const RULE_KINDS = [
  "NEAREST",
  "FEWEST_SPLITS",
  "STOCK_DEPTH",
  "LOWEST_COST",
  "CAPACITY",
  "NODE_TYPES",
] as const;
const METHODS = ["PICKUP", "SAME_CITY", "EXPRESS"] as const;

/**
 * One rule as the admin's editor sends it; params arrive as JSON text and are checked against
 * the kind's own schema (the one routing binds with), field by field, whether or not the rule is
 * enabled or overridden today: a rule saved now may be switched on later. `id` names the stored
 * rule being edited; a rule without one is new.
 */
export const ruleInputSchema = z
  .object({
    id: z.string().min(1).max(100).optional(),
    kind: z.enum(RULE_KINDS),
    mode: z.enum(["FILTER", "SCORE"]),
    method: z.enum(METHODS).nullable(),
    weight: z.number().min(0, "At least 0.").max(100, "At most 100."),
    position: z.number().int().min(1).max(1000),
    enabled: z.boolean(),
    params: z
      .string()
      .max(2000)
      .transform((text, ctx) => {
        try {
          const value: unknown = JSON.parse(text.trim() || "{}");
          if (typeof value === "object" && value !== null && !Array.isArray(value))
            return value as Record<string, unknown>;
        } catch {
          // reported below
        }
        ctx.addIssue({
          code: "custom",
          message: "Settings must be a JSON object, e.g. {}.",
          params: { problem: "NOT_JSON_OBJECT" },
        });
        return z.NEVER;
      }),
  })
  .superRefine((rule, ctx) => {
    const parsed = RULE_PARAMS[rule.kind].safeParse(rule.params);
    if (parsed.success) return;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ ...issue, path: ["params", ...issue.path] } as z.core.$ZodRawIssue);
  });

export const rulesInputSchema = z.object({
  rules: z.array(ruleInputSchema).max(50, "At most 50 rules."),
});

/** A rule that would make routing refuse every order of a method, and why (in English). */
export type RuleSetProblem = {
  method: (typeof METHODS)[number];
  rule: RoutingRule;
  problem: string;
};

/**
 * Problems that would make routing refuse every order of a method (bad params, a negative
 * weight), found by preparing the rules for each method exactly as routing will.
 */
export function ruleSetProblems(rules: readonly RoutingRule[]): RuleSetProblem[] {
  return METHODS.flatMap((method) => {
    const prepared = prepareRules(rules, method);
    return prepared.ok ? [] : [{ method, rule: prepared.rule, problem: prepared.problem }];
  });
}
