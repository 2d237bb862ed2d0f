import type { z } from "zod";
import { assertRoleOf } from "@/lib/auth/assert-role";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { toFailure, type ActionResult } from "./result";

/** Who may call an action: listed roles, or anyone ("public", e.g. switching language). */
export type Access = readonly Role[] | "public";

export type ActionConfig<S extends z.ZodType, T, U> = {
  input: S;
  access: Access;
  handler: (input: z.output<S>, ctx: { user: U }) => Promise<T>;
};

/** The actor a handler receives: always signed in unless the action is public. */
export type UserFor<A extends Access> = A extends "public" ? SessionUser | null : SessionUser;

/**
 * The one path every action takes: authorise, validate, run, and turn any refusal into a typed
 * result. The handler never runs for a refused call, so a refusal changes nothing.
 */
export async function runAction<S extends z.ZodType, T, A extends Access>(
  config: ActionConfig<S, T, UserFor<A>> & { access: A },
  raw: unknown,
  user: SessionUser | null,
): Promise<ActionResult<T>> {
  try {
    const actor = (config.access === "public" ? user : assertRoleOf(user, config.access)) as UserFor<A>;
    const parsed = config.input.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      throw new AppError("INVALID_INPUT", "Some fields are not valid.", { fieldErrors });
    }
    return { ok: true, data: await config.handler(parsed.data, { user: actor }) };
  } catch (error) {
    return toFailure(error);
  }
}
