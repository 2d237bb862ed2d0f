import type { z } from "zod";
import { assertRoleOf } from "@/lib/auth/assert-role";
import { hasRole, type Role, type SessionUser } from "@/lib/auth/roles";
import { parseInput } from "@/lib/validation/parse-input";
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
 * Checks a bearer credential (a marketplace connector's feed token, a scheduler's secret) against
 * the parsed input; throws UNAUTHENTICATED, FORBIDDEN or NOT_FOUND when it does not admit the call.
 */
export type BearerCheck<I> = (token: string, input: I) => Promise<void>;

/** An action that also admits machines presenting a bearer token instead of a session role. */
export type BearerActionConfig<S extends z.ZodType, T> = ActionConfig<S, T, SessionUser | null> & {
  access: readonly Role[];
  bearer: BearerCheck<z.output<S>>;
};

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
    const actor = (
      config.access === "public" ? user : assertRoleOf(user, config.access)
    ) as UserFor<A>;
    return { ok: true, data: await config.handler(parseInput(config.input, raw), { user: actor }) };
  } catch (error) {
    return toFailure(error);
  }
}

/**
 * runAction for callers that may be a machine: a session with an allowed role is served as usual;
 * otherwise a bearer token is required, the input is validated (the check may depend on it, e.g.
 * which channel is read) and `bearer` admits or refuses before the handler runs, with `user: null`.
 * Without a token the session's refusal stands (UNAUTHENTICATED, or FORBIDDEN for another role).
 */
export async function runActionWithBearer<S extends z.ZodType, T>(
  config: BearerActionConfig<S, T>,
  raw: unknown,
  user: SessionUser | null,
  token: string | null,
): Promise<ActionResult<T>> {
  if (token === null || (user && hasRole(user, config.access))) return runAction(config, raw, user);
  try {
    const input = parseInput(config.input, raw);
    await config.bearer(token, input);
    return { ok: true, data: await config.handler(input, { user: null }) };
  } catch (error) {
    return toFailure(error);
  }
}
