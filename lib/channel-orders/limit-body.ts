import { toFailure } from "@/lib/actions/result";
import { AppError, HTTP_STATUS } from "@/lib/errors/app-error";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Reads at most `limit` bytes of a body; null when it is longer. */
async function readAtMost(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * A route handler that refuses a body over `limit` bytes (INVALID_INPUT / BODY_TOO_LARGE)
 * without parsing it, whatever its declared length says, and passes a shorter one on.
 */
export function limitBody<C>(limit: number, handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const body = await readAtMost(request, limit);
    if (body === null) {
      const error = new AppError("INVALID_INPUT", `The body is over ${limit} bytes.`, {
        details: { reason: "BODY_TOO_LARGE", limitBytes: limit },
      });
      const { ok: _ok, ...refusal } = toFailure(error);
      return Response.json({ error: refusal }, { status: HTTP_STATUS[error.code] });
    }
    const copy = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === "GET" || request.method === "HEAD" ? undefined : body,
      signal: request.signal,
    });
    return handler(copy, context);
  };
}
