import { describe, expect, expectTypeOf, it } from "vitest";
import { AppError, ERROR_CODES, HTTP_STATUS, refusalOf, type ErrorCode } from "./app-error";
import {
  REFUSAL_REASONS,
  type DetailsByCode,
  type ErrorDetails,
  type RefusalReason,
} from "./error-details";
import { FIELD_PROBLEMS, type FieldProblem } from "./field-problem";

describe("error codes and their details", () => {
  it("gives every code an HTTP status and a details shape", () => {
    expectTypeOf<keyof DetailsByCode>().toEqualTypeOf<ErrorCode>();
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(REFUSAL_REASONS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it("lists every reason of every code, and every field problem", () => {
    type Unlisted = {
      [C in ErrorCode]: Exclude<RefusalReason<C>, (typeof REFUSAL_REASONS)[C][number]>;
    }[ErrorCode];
    expectTypeOf<Unlisted>().toEqualTypeOf<never>();
    expectTypeOf<
      Exclude<FieldProblem["problem"], (typeof FIELD_PROBLEMS)[number]>
    >().toEqualTypeOf<never>();
    for (const code of ERROR_CODES) {
      expect(new Set(REFUSAL_REASONS[code]).size).toBe(REFUSAL_REASONS[code].length);
    }
  });

  it("types details by code: facts must match the code, and read back narrowed", () => {
    const error = new AppError("OUT_OF_STOCK", "Only 2 left.", {
      details: { reason: "STOCK", skuId: "tee", channelId: "web", requested: 3, available: 2 },
    });
    expectTypeOf(error.details).toEqualTypeOf<ErrorDetails<"OUT_OF_STOCK"> | undefined>();
    // A fact this refusal does not carry reads as undefined rather than failing to compile.
    expectTypeOf(error.details?.attemptsLeft).toEqualTypeOf<undefined>();
    expect(error.details?.available).toBe(2);

    // @ts-expect-error: NOT_FOUND has no ONLINE reason
    void new AppError("NOT_FOUND", "x", { details: { reason: "ONLINE" } });
    // @ts-expect-error: a reason's facts are required
    void new AppError("INVALID_INPUT", "x", { details: { reason: "LINE_LIMIT" } });
    // @ts-expect-error: a code without details takes none
    void new AppError("QUOTA_EXCEEDED", "x", { details: { reason: "STOCK" } });
  });

  it("turns an AppError into the refusal a page words", () => {
    const error = new AppError("INVALID_INPUT", "Wrong pickup code.", {
      fieldErrors: { code: [{ problem: "INVALID" }] },
      details: { reason: "WRONG_PICKUP_CODE", attemptsLeft: 2 },
    });
    expect(refusalOf(error)).toEqual({
      code: "INVALID_INPUT",
      fieldErrors: { code: [{ problem: "INVALID" }] },
      details: { reason: "WRONG_PICKUP_CODE", attemptsLeft: 2 },
    });
    expect(refusalOf(new AppError("FORBIDDEN", "No."))).toEqual({ code: "FORBIDDEN" });
  });
});
