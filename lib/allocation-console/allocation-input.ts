import { z } from "zod";
import type { Lifecycle } from "@/lib/generated/prisma/enums";

export const POLICY_SCOPES = ["ALL", "CATEGORY", "LIFECYCLE", "SKU"] as const;
export const ALLOCATION_MODES = ["SHARED", "RATIO", "FIXED"] as const;
export const LIFECYCLES = ["NEW", "IN_SEASON", "CLEARANCE"] as const satisfies readonly Lifecycle[];
export const PROTECTED_STRATEGIES = ["PRIORITY", "POLICY"] as const;

/** The most units a policy, buffer or threshold may name: far above any SKU's pool. */
const MAX_UNITS = 1_000_000;

const id = z.string().trim().min(1).max(64);
const units = z.coerce.number().int().min(0).max(MAX_UNITS);
const version = z.coerce.number().int().min(1).max(2_147_483_647);

/** An empty select or text box means "not given", so scope targets that do not apply may be blank. */
const optionalText = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().trim().min(1).max(64).optional(),
);
const optionalNumber = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Where a rule applies: everything, a category (with its subcategories), a lifecycle stage or one SKU. */
const scopeFields = {
  scope: z.enum(POLICY_SCOPES),
  categoryId: optionalText,
  lifecycle: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LIFECYCLES).optional()),
  skuCode: optionalText,
};

type ScopeInput = {
  scope: (typeof POLICY_SCOPES)[number];
  categoryId?: string;
  lifecycle?: string;
  skuCode?: string;
};

/** The scope's own target must be given; the form names the field that is missing. */
function checkScopeTarget(input: ScopeInput, ctx: z.RefinementCtx) {
  const need = { CATEGORY: "categoryId", LIFECYCLE: "lifecycle", SKU: "skuCode" } as const;
  if (input.scope === "ALL") return;
  const field = need[input.scope];
  if (input[field] === undefined)
    ctx.addIssue({ code: "custom", path: [field], message: "Required for this scope." });
}

/** A ratio in percent with at most two decimals (kept as basis points). */
const ratioPercent = z.coerce
  .number()
  .min(0)
  .max(100)
  .refine((p) => Number.isInteger(Math.round(p * 1000) / 10), "At most two decimals.");

/** An allocation policy as the console edits it; `id` (with the `version` it was opened at) edits one. */
export const policyInputSchema = z
  .object({
    id: id.optional(),
    version: optionalNumber(version),
    channelCode: z.string().trim().min(1).max(32),
    ...scopeFields,
    mode: z.enum(ALLOCATION_MODES),
    ratioPercent: optionalNumber(ratioPercent),
    fixedQty: optionalNumber(units),
    safetyBuffer: units.default(0),
    active: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    checkScopeTarget(input, ctx);
    if (input.id !== undefined && input.version === undefined)
      ctx.addIssue({ code: "custom", path: ["version"], message: "Required to edit." });
    if (input.mode === "RATIO" && input.ratioPercent === undefined)
      ctx.addIssue({ code: "custom", path: ["ratioPercent"], message: "Required for RATIO." });
    if (input.mode === "FIXED" && input.fixedQty === undefined)
      ctx.addIssue({ code: "custom", path: ["fixedQty"], message: "Required for FIXED." });
  });

/** A tier-switch rule as the console edits it. */
export const tierRuleInputSchema = z
  .object({
    id: id.optional(),
    version: optionalNumber(version),
    ...scopeFields,
    threshold: units,
    strategy: z.enum(PROTECTED_STRATEGIES),
    active: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    checkScopeTarget(input, ctx);
    if (input.id !== undefined && input.version === undefined)
      ctx.addIssue({ code: "custom", path: ["version"], message: "Required to edit." });
  });

/** Deleting a policy or tier rule names the version the admin saw. */
export const deleteRuleInputSchema = z.object({ id, version });

/** A channel's value tier (lower is served first when stock is protected). */
export const channelPriorityInputSchema = z.object({
  channelCode: z.string().trim().min(1).max(32),
  priority: z.coerce.number().int().min(1).max(99),
  version,
});

/** Any one pending console change: what the preview applies in memory and a save applies for real. */
export const allocationChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("policy"), policy: policyInputSchema }),
  z.object({ kind: z.literal("deletePolicy"), target: deleteRuleInputSchema }),
  z.object({ kind: z.literal("tierRule"), rule: tierRuleInputSchema }),
  z.object({ kind: z.literal("deleteTierRule"), target: deleteRuleInputSchema }),
  z.object({ kind: z.literal("priority"), channel: channelPriorityInputSchema }),
]);

/** The preview: a change, and optionally the one SKU the admin wants to see. */
export const previewInputSchema = z.object({
  change: allocationChangeSchema,
  previewSkuCode: optionalText,
});

export type PolicyInput = z.output<typeof policyInputSchema>;
export type TierRuleInput = z.output<typeof tierRuleInputSchema>;
export type AllocationChangeInput = z.output<typeof allocationChangeSchema>;

/** Percent as typed → basis points as stored (30 → 3000, 12.5 → 1250). */
export const percentToBps = (percent: number): number => Math.round(percent * 100);
