import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import type { FieldErrors } from "@/lib/errors/field-problem";
import { parseInput } from "./parse-input";

const schema = z
  .object({
    quantity: z.number().int().min(1).max(99),
    price: z.number().positive(),
    name: z.string().trim().min(1).max(5),
    tags: z.array(z.string()).min(1),
    kind: z.enum(["A", "B"]),
    code: z.string().regex(/^\d{6}$/),
    settings: z.string().transform((_, ctx) => {
      ctx.addIssue({ code: "custom", message: "no", params: { problem: "NOT_JSON_OBJECT" } });
      return z.NEVER;
    }),
  })
  .strict();

function fieldErrorsOf(raw: unknown): FieldErrors {
  try {
    parseInput(schema, raw);
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") return error.fieldErrors ?? {};
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseInput", () => {
  it("keys each problem by its field path, as facts with their bounds", () => {
    expect(
      fieldErrorsOf({
        quantity: 100,
        price: 0,
        name: "  ",
        tags: [],
        kind: "C",
        code: "12",
        settings: "[]",
        extra: 1,
      }),
    ).toEqual({
      quantity: [{ problem: "TOO_BIG", of: "number", maximum: 99, inclusive: true }],
      price: [{ problem: "TOO_SMALL", of: "number", minimum: 0, inclusive: false }],
      name: [{ problem: "TOO_SMALL", of: "text", minimum: 1, inclusive: true }],
      tags: [{ problem: "TOO_SMALL", of: "list", minimum: 1, inclusive: true }],
      kind: [{ problem: "NOT_AN_OPTION" }],
      code: [{ problem: "BAD_FORMAT" }],
      settings: [{ problem: "NOT_JSON_OBJECT" }],
      _: [{ problem: "UNKNOWN_FIELD" }],
    });
  });

  it("tells a missing field from one of the wrong type or a fraction", () => {
    const errors = fieldErrorsOf({ quantity: 1.5, price: "1" });
    expect(errors.quantity).toEqual([{ problem: "NOT_INTEGER" }]);
    expect(errors.price).toEqual([{ problem: "WRONG_TYPE" }]);
    expect(errors.name).toEqual([{ problem: "REQUIRED" }]);
  });

  it("returns the parsed value when the input is valid", () => {
    const lenient = z.object({ quantity: z.coerce.number().int().min(1) });
    expect(parseInput(lenient, { quantity: "3" })).toEqual({ quantity: 3 });
  });
});
