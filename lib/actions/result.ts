import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from "@/lib/db/database-busy";
import { isAppError, refusalOf, type ErrorCode, type Refusal } from "@/lib/errors/app-error";

/**
 * A typed refusal as an action returns it, one member per code so that checking `code` (then
 * `details.reason`) narrows `details` to its shape. `message` is English for logs and machine
 * clients of route handlers; pages show lib/i18n's localizeRefusal instead.
 */
export type ActionFailure<C extends ErrorCode = ErrorCode> = C extends ErrorCode
  ? { ok: false; message: string } & Refusal<C>
  : never;

/** What every server action returns: data, or a typed refusal. Never a thrown stack trace. */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** Turns any thrown value into a refusal; unknown errors are logged and hidden from the caller. */
export function toFailure(error: unknown): ActionFailure {
  if (isAppError(error)) {
    return { ok: false, message: error.message, ...refusalOf(error) };
  }
  // A transaction that could not get a connection wrote nothing: the shopper may press again.
  if (isDatabaseBusy(error)) {
    console.warn("database busy", error instanceof Error ? error.message : error);
    return {
      ok: false,
      code: "BUSY",
      message: "The store is busy. Nothing was changed; try again in a moment.",
      details: { reason: "DATABASE", retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
    };
  }
  console.error(error);
  return { ok: false, code: "INTERNAL", message: "Something went wrong. Nothing was changed." };
}
