import { describe, expect, expectTypeOf, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { toFailure, type ActionFailure } from "./result";

describe("toFailure", () => {
  it("keeps the code, the typed details and the field problems of an AppError", () => {
    const failure = toFailure(
      new AppError("INVALID_INPUT", "Only 1 of that item can still be returned.", {
        details: { reason: "ABOVE_RETURNABLE", orderLineId: "ol_1", returnable: 1 },
        fieldErrors: {
          "lines.ol_1": [{ problem: "TOO_BIG", of: "number", maximum: 1, inclusive: true }],
        },
      }),
    );
    expect(failure).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "Only 1 of that item can still be returned.",
      details: { reason: "ABOVE_RETURNABLE", orderLineId: "ol_1", returnable: 1 },
      fieldErrors: {
        "lines.ol_1": [{ problem: "TOO_BIG", of: "number", maximum: 1, inclusive: true }],
      },
    });
  });

  it("lets a client narrow the details by code and reason, without re-declaring them", () => {
    const failure: ActionFailure = toFailure(
      new AppError("OUT_OF_STOCK", "Only 3 available online.", {
        details: { reason: "ONLINE", skuId: "s", available: 3, availability: { s: 3 } },
      }),
    );
    if (failure.code === "OUT_OF_STOCK" && failure.details?.reason === "ONLINE") {
      expectTypeOf(failure.details.available).toEqualTypeOf<number>();
      expectTypeOf(failure.details.availability).toEqualTypeOf<Readonly<Record<string, number>>>();
      expect(failure.details.available).toBe(3);
    } else {
      expect.unreachable("the refusal kept its code and reason");
    }
  });

  it("hides an unexpected error behind INTERNAL", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toFailure(new Error("connection refused"))).toEqual({
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong. Nothing was changed.",
    });
    spy.mockRestore();
  });
});
