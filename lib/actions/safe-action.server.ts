import "server-only";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session.server";
import type { ActionResult } from "./result";
import { runAction, type Access, type ActionConfig, type UserFor } from "./run-action";

/**
 * Declares a server action: zod input, roles checked on the server from the session, typed
 * result. Use it for every action; a layout check alone does not protect an action endpoint.
 */
export function defineAction<S extends z.ZodType, T, A extends Access>(
  config: ActionConfig<S, T, UserFor<A>> & { access: A },
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => runAction(config, raw, await getSessionUser());
}
