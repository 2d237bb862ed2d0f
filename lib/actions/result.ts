import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors/app-error";

/** What every server action returns: data, or a typed refusal. Never a thrown stack trace. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      message: string;
      fieldErrors?: FieldErrors;
      details?: Record<string, unknown>;
    };

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

/** Turns any thrown value into a refusal; unknown errors are logged and hidden from the caller. */
export function toFailure(error: unknown): ActionFailure {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  console.error(error);
  return { ok: false, code: "INTERNAL", message: "Something went wrong. Nothing was changed." };
}
