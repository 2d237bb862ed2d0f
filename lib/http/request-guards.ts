import type { IncomingHttpHeaders } from "node:http";

/**
 * Server action bodies larger than this are refused before they reach Next.js. It is Next's own
 * default `serverActions.bodySizeLimit` (next.config.ts sets none), so no valid call is refused.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** True when every percent-escape of the path decodes to UTF-8 (Next answers 500 otherwise). */
export function isDecodablePath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A server action call: a POST naming the action in the `Next-Action` header. */
export function isServerActionCall(
  method: string | undefined,
  headers: IncomingHttpHeaders,
): boolean {
  return method === "POST" && headers["next-action"] !== undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Whether a server action call may proceed as far as its origin goes, by Next's own rule: no
 * Origin (a hand-made request, carrying no one else's cookies) passes; otherwise the Origin's
 * host must be the host the request was sent to (`X-Forwarded-Host`, else `Host`). Next aborts
 * a mismatch with a 500; this lets the front answer 403 instead.
 */
export function isActionOriginAllowed(headers: IncomingHttpHeaders): boolean {
  const origin = headerValue(headers.origin);
  if (origin === undefined) return true;
  const host = headerValue(headers["x-forwarded-host"])?.split(",")[0]?.trim() ?? headers.host;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The declared body length, or null when the body is streamed without one. */
export function declaredLength(headers: IncomingHttpHeaders): number | null {
  const value = headers["content-length"];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

// Strings in an action's arguments that stand for a value by themselves; any other `$`-string
// points to another part of a multipart body (Next answers 500 when that part is missing).
const INLINE_REFERENCE =
  /^\$(?:\$|u$|T$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D.|n-?\d{1,300}$)/;
const MAX_DEPTH = 200;

/** Whether every `$`-string in `value` is inline or names a part that `hasPart` knows. */
function referencesResolve(
  value: unknown,
  hasPart: (reference: string) => boolean,
  depth = 0,
): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") {
    return !value.startsWith("$") || INLINE_REFERENCE.test(value) || hasPart(value);
  }
  const children = Array.isArray(value)
    ? value
    : value !== null && typeof value === "object"
      ? Object.values(value)
      : [];
  return children.every((child) => referencesResolve(child, hasPart, depth + 1));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The part number a reference such as `$Q1f` or `$3` points to (hexadecimal in the reference). */
function referencedPart(reference: string): { tag: string; part: number } {
  const tag = reference[1] ?? "";
  const hex = /[0-9a-f]/.test(tag) ? reference.slice(1) : reference.slice(2);
  return { tag, part: /^[0-9a-f]+$/.test(hex) ? parseInt(hex, 16) : Number.NaN };
}

/** A multipart action call's parts: every JSON part's references must name a present part. */
function multipartResolves(form: FormData): boolean {
  const keys = [...form.keys()];
  // A form posted without JavaScript names its action in `$ACTION_…` fields; Next decodes it
  // as a form, not as encoded arguments.
  if (keys.some((key) => key.startsWith("$ACTION_"))) return true;
  if (!form.has("0")) return false;
  const hasPart = (reference: string) => {
    const { tag, part } = referencedPart(reference);
    if (Number.isNaN(part)) return false;
    return tag === "K" ? keys.some((key) => key.startsWith(`${part}_`)) : form.has(String(part));
  };
  return keys
    .filter((key) => /^\d+$/.test(key))
    .every((key) => {
      const entry = form.get(key);
      if (typeof entry !== "string") return true;
      const parsed = parseJson(entry);
      return parsed.ok && referencesResolve(parsed.value, hasPart);
    });
}

/**
 * Whether Next can decode a server action body; the calls it cannot decode would answer 500.
 * A fetch call without files sends its arguments as one JSON array; with files, or from a form,
 * it sends multipart form data.
 */
export async function isDecodableActionBody(
  contentType: string | undefined,
  body: Buffer,
): Promise<boolean> {
  // Next reads such a body as a form, not as an action's arguments, and answers 4xx itself.
  if (contentType === "application/x-www-form-urlencoded") return true;
  if (contentType?.startsWith("multipart/form-data")) {
    try {
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": contentType },
      }).formData();
      return multipartResolves(form);
    } catch {
      return false;
    }
  }
  const parsed = parseJson(body.toString("utf8"));
  return parsed.ok && Array.isArray(parsed.value) && referencesResolve(parsed.value, () => false);
}
