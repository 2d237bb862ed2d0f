import "server-only";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session.server";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import { runAction, type Access, type ActionConfig, type UserFor } from "./run-action";

/** Where a route handler's input comes from. */
export type RouteInput = "query" | "json";

async function readInput(request: Request, from: RouteInput): Promise<unknown> {
  if (from === "query") return Object.fromEntries(new URL(request.url).searchParams);
  try {
    return await request.json();
  } catch {
    return undefined; // an unreadable body is then refused by the schema as INVALID_INPUT
  }
}

/** Declares a route handler with the same checks as actions; refusals map to HTTP statuses. */
export function defineRoute<S extends z.ZodType, T, A extends Access>(
  config: ActionConfig<S, T, UserFor<A>> & { access: A; from: RouteInput },
): (request: Request) => Promise<Response> {
  return async (request) => {
    const result = await runAction(config, await readInput(request, config.from), await getSessionUser());
    if (result.ok) return Response.json(result.data);
    const { ok: _ok, ...error } = result;
    return Response.json({ error }, { status: HTTP_STATUS[result.code] });
  };
}
