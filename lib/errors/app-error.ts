import type { ErrorDetails } from "./error-details";
import type { FieldErrors } from "./field-problem";

export type { ErrorDetails, RefusalReason } from "./error-details";
export type { FieldErrors, FieldProblem } from "./field-problem";

/** The short list of failure codes every action and route handler speaks. */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "OUT_OF_STOCK",
  "QUOTA_EXCEEDED",
  "HOLD_EXPIRED",
  "UNDELIVERABLE",
  "PAYMENT_FAILED",
  "CONFLICT",
  "RATE_LIMITED",
  "BUSY",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each code, used by route handlers. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  OUT_OF_STOCK: 409,
  QUOTA_EXCEEDED: 409,
  HOLD_EXPIRED: 410,
  /** No node can serve the method at the destination (outside every radius, pickup not offered). */
  UNDELIVERABLE: 422,
  PAYMENT_FAILED: 402,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  /** The database had no connection free in time (a flash-sale peak): nothing was written. */
  BUSY: 503,
  INTERNAL: 500,
};

/** What a page needs to word a refusal of code C: the code, its typed facts, its field problems. */
export type Refusal<C extends ErrorCode = ErrorCode> = C extends ErrorCode
  ? { code: C; details?: ErrorDetails<C>; fieldErrors?: FieldErrors }
  : never;

/**
 * A refusal with a code the caller can act on; `details` carries facts such as what is
 * available, typed per code. `message` is English, for logs and machine clients: pages word the
 * refusal from the code and details instead (lib/i18n/localize-refusal.ts).
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly fieldErrors?: FieldErrors;
  readonly details?: ErrorDetails<C>;

  constructor(
    code: C,
    message: string,
    extra: { fieldErrors?: FieldErrors; details?: NoInfer<ErrorDetails<C>> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.details = extra.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * The refusal an AppError tells a page. The constructor keeps code and details in step, which
 * a class's fields cannot express as a union, hence the one assertion here.
 */
export function refusalOf(error: AppError): Refusal {
  return {
    code: error.code,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.details ? { details: error.details } : {}),
  } as Refusal;
}
