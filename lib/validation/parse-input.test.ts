import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import type { FieldErrors } from "@/lib/errors/field-problem";
import { fieldErrorsOf as problemsOfIssues, parseInput } from "./parse-input";
import { cleanString } from "./text-characters";

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

  describe("characters the database cannot store", () => {
    const order = z.object({
      orderNo: z.string().trim().min(1).max(40),
      lines: z.array(z.object({ orderLineId: z.string(), quantity: z.number() })).optional(),
      settings: z
        .string()
        .transform((text) => JSON.parse(text) as unknown)
        .optional(),
    });
    const problemsOf = (run: () => unknown): FieldErrors => {
      try {
        run();
      } catch (error) {
        if (isAppError(error) && error.code === "INVALID_INPUT") return error.fieldErrors ?? {};
        throw error;
      }
      throw new Error("expected a refusal");
    };
    const BAD = [{ problem: "BAD_CHARACTERS" }];

    it.each([
      ["U+0000 in a field", { orderNo: "ORD\u00001" }, { orderNo: BAD }],
      ["a lone surrogate in a field", { orderNo: "ORD\uD800" }, { orderNo: BAD }],
      [
        "U+0000 deep in a list",
        { orderNo: "ORD-1", lines: [{ orderLineId: "ol\u0000", quantity: 1 }] },
        { "lines.0.orderLineId": BAD },
      ],
      [
        "U+0000 in a key the schema would strip",
        { orderNo: "ORD-1", ["x\u0000"]: 1 },
        { "x\u0000": BAD },
      ],
      ["a bad string as the whole input", "\u0000", { _: BAD }],
      [
        "an escape a JSON text turns into U+0000",
        { orderNo: "O", settings: '{"a":"\\u0000"}' },
        { "settings.a": BAD },
      ],
    ])("refuses %s as BAD_CHARACTERS", (_label, raw, expected) => {
      expect(problemsOf(() => parseInput(order, raw))).toEqual(expected);
    });

    it("refuses before the schema runs, even when the schema would accept the value", () => {
      expect(problemsOf(() => parseInput(z.unknown(), { note: "a\u0000" }))).toEqual({ note: BAD });
    });

    it("words a schema's own cleanString refusal as BAD_CHARACTERS", () => {
      // parseInput refuses such text before the schema runs; a schema used with safeParse
      // elsewhere gets the same problem kind from fieldErrorsOf.
      const schema = z.object({ q: cleanString() });
      const raw = { q: "\uDC00" };
      const parsed = schema.safeParse(raw);
      expect(parsed.success).toBe(false);
      expect(problemsOfIssues(parsed.error?.issues ?? [], raw)).toEqual({ q: BAD });
    });

    it("keeps tabs, newlines and emoji", () => {
      expect(parseInput(order, { orderNo: "a\tb\n🏃" })).toEqual({ orderNo: "a\tb\n🏃" });
    });
  });
});
