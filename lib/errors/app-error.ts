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
  INTERNAL: 500,
};

export type FieldErrors = Record<string, string[]>;

/** A refusal with a code the caller can act on; `details` carries facts such as what is available. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fieldErrors?: FieldErrors; details?: Record<string, unknown> } = {},
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
