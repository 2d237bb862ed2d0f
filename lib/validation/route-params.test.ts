import { describe, expect, it } from "vitest";
import { cleanParam, readRouteParam, readSearchParam } from "./route-params";

describe("cleanParam", () => {
  it.each([
    ["an order number", "ORD-20261204-0001", {}, "ORD-20261204-0001"],
    ["the first of a repeated parameter", ["a", "b"], {}, "a"],
    ["a value with spaces around it", "  ORD-1 ", {}, "ORD-1"],
    ["a percent-encoded style code, decoded", "M%C3%BCller%20Tee", { decode: true }, "Müller Tee"],
    ["a missing value", undefined, {}, null],
    ["an empty list", [], {}, null],
    ["a blank value", "   ", {}, null],
    ["U+0000", "ORD\u00001", {}, null],
    ["%00 once decoded", "ORD%001", { decode: true }, null],
    ["a lone surrogate", "ORD\uD800", {}, null],
    ["an encoded lone surrogate is malformed UTF-8", "%ED%A0%80", { decode: true }, null],
    ["malformed percent-encoding", "%E0%A4%A", { decode: true }, null],
    ["a lone percent sign", "100%", { decode: true }, null],
    ["a value longer than any id", "x".repeat(201), {}, null],
    ["a value within a given length", "x".repeat(10), { maxLength: 10 }, "x".repeat(10)],
    ["a value above a given length", "x".repeat(11), { maxLength: 10 }, null],
  ] as const)("%s", (_label, value, options, expected) => {
    expect(cleanParam(value as string | string[] | undefined, options)).toBe(expected);
  });
});

describe("readRouteParam", () => {
  it("returns a usable segment", () => {
    expect(readRouteParam("ORD-1")).toBe("ORD-1");
  });

  it.each(["ORD\u00001", "%00", "%E0%A4%A"])("answers the not-found page for %j", (value) => {
    expect(() => readRouteParam(value, { decode: true })).toThrow(
      expect.objectContaining({ digest: expect.stringContaining("404") }),
    );
  });
});

describe("readSearchParam", () => {
  it("drops what a read cannot use and keeps the rest", () => {
    expect(readSearchParam("tee")).toBe("tee");
    expect(readSearchParam(["tee", "cap"])).toBe("tee");
    expect(readSearchParam("tee\u0000")).toBeUndefined();
    expect(readSearchParam("x".repeat(101), 100)).toBeUndefined();
    expect(readSearchParam(undefined)).toBeUndefined();
  });
});
