import "server-only";
import type { z } from "zod";
import { getSessionUser } from "@/lib/auth/session.server";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import type { ActionResult } from "./result";
import {
  runAction,
  runActionWithBearer,
  type Access,
  type BearerCheck,
  type UserFor,
} from "./run-action";

/** Where a route handler's input comes from; dynamic route segments are always added. */
export type RouteInput = "query" | "json";

/** What Next passes a route handler besides the request. */
type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

/** A Next route handler (GET, POST…). */
export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

type RouteCommon<S extends z.ZodType, A> = {
  input: S;
  access: A;
  from: RouteInput;
  /** Request headers to add to the input under their lower-case names, e.g. "last-event-id". */
  headers?: readonly string[];
};

/** A handler receives the caller and the request's abort signal (for streams). */
type RouteHandlerFn<S extends z.ZodType, T, U> = (
  input: z.output<S>,
  ctx: { user: U; signal: AbortSignal },
) => Promise<T>;

export type RouteConfig<S extends z.ZodType, T, A extends Access> = RouteCommon<S, A> & {
  handler: RouteHandlerFn<S, T, UserFor<A>>;
  bearer?: undefined;
};

/** A route that also admits `Authorization: Bearer <token>` when `bearer` accepts it (user is null then). */
export type BearerRouteConfig<S extends z.ZodType, T> = RouteCommon<S, readonly Role[]> & {
  handler: RouteHandlerFn<S, T, SessionUser | null>;
  bearer: BearerCheck<z.output<S>>;
};

async function readInput(
  request: Request,
  config: RouteCommon<z.ZodType, unknown>,
  context: RouteContext | undefined,
): Promise<unknown> {
  let body: unknown;
  if (config.from === "query") {
    body = Object.fromEntries(new URL(request.url).searchParams);
  } else {
    try {
      body = await request.json();
    } catch {
      return undefined; // an unreadable body is then refused by the schema as INVALID_INPUT
    }
  }
  const headers = Object.fromEntries(
    (config.headers ?? []).flatMap((name) => {
      const value = request.headers.get(name);
      return value === null ? [] : [[name.toLowerCase(), value]];
    }),
  );
  // Path segments win over query and body, so `?code=` cannot redirect a request.
  const params = (await context?.params) ?? {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  return { ...body, ...headers, ...params };
}

/** The token of an `Authorization: Bearer …` header, or null. */
function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

function respond<T>(result: ActionResult<T>): Response {
  if (result.ok) {
    // A handler that streams (server-sent events) or sends a file returns its own Response.
    return result.data instanceof Response ? result.data : Response.json(result.data);
  }
  const { ok: _ok, ...error } = result;
  // A client told "busy" (503) learns when to try again, as HTTP says.
  const headers =
    result.code === "BUSY" && result.details
      ? { "Retry-After": String(result.details.retryAfterSeconds) }
      : undefined;
  return Response.json({ error }, { status: HTTP_STATUS[result.code], headers });
}

/** Declares a route handler with the same checks as actions; refusals map to HTTP statuses. */
export function defineRoute<S extends z.ZodType, T>(config: BearerRouteConfig<S, T>): RouteHandler;
export function defineRoute<S extends z.ZodType, T, A extends Access>(
  config: RouteConfig<S, T, A>,
): RouteHandler;
export function defineRoute<S extends z.ZodType, T>(
  config: RouteConfig<S, T, Access> | BearerRouteConfig<S, T>,
): RouteHandler {
  return async (request, context) => {
    const raw = await readInput(request, config, context);
    const user = await getSessionUser();
    const signal = request.signal;
    if (config.bearer) {
      const { handler, ...rest } = config;
      const withSignal = {
        ...rest,
        handler: (input: z.output<S>, ctx: { user: SessionUser | null }) =>
          handler(input, { ...ctx, signal }),
      };
      return respond(await runActionWithBearer(withSignal, raw, user, bearerToken(request)));
    }
    const { handler, ...rest } = config;
    const withSignal = {
      ...rest,
      handler: (input: z.output<S>, ctx: { user: SessionUser | null }) =>
        handler(input, { ...ctx, signal }),
    };
    return respond(await runAction(withSignal, raw, user));
  };
}
