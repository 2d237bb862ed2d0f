import { describe, expect, it } from "vitest";
import { badCharacterPaths, cleanString, hasBadCharacters } from "./text-characters";

describe("hasBadCharacters", () => {
  it.each([
    ["plain text", "ORD-20261204-0001", false],
    ["Chinese", "上海徐汇店", false],
    ["an emoji (a surrogate pair)", "run 🏃 fast", false],
    ["tabs, newlines and other controls PostgreSQL stores", "a\tb\nc\u0001\u001f\u007f", false],
    ["U+FFFD and non-characters", "\uFFFD\uFFFE\uFFFF", false],
    ["the empty string", "", false],
    ["U+0000 alone", "\u0000", true],
    ["U+0000 inside", "ORD\u00001", true],
    ["U+0000 at the end", "abc\u0000", true],
    ["a lone high surrogate", "a\uD83Cb", true],
    ["a lone high surrogate at the end", "abc\uD83C", true],
    ["a lone low surrogate", "a\uDFC3b", true],
    ["a lone low surrogate at the start", "\uDFC3abc", true],
    ["a pair in the wrong order", "\uDFC3\uD83C", true],
    ["two high surrogates before a low one", "\uD83C\uD83C\uDFC3", true],
  ])("%s → %s", (_label, text, bad) => {
    expect(hasBadCharacters(text)).toBe(bad);
  });
});

describe("badCharacterPaths", () => {
  it("finds bad strings at any depth, in values and in keys", () => {
    const paths = badCharacterPaths({
      orderNo: "ORD\u00001",
      ok: "fine",
      lines: [{ orderLineId: "ol", note: "x\uD800" }, "clean"],
      ["k\u0000"]: "value",
      n: 3,
      nothing: null,
    });
    expect(paths.map((p) => p.join(".")).sort()).toEqual(["k\u0000", "lines.0.note", "orderNo"]);
  });

  it("answers [[]] for a bad string itself and nothing for clean or non-text values", () => {
    expect(badCharacterPaths("\u0000")).toEqual([[]]);
    expect(badCharacterPaths({ a: ["x", 1, true, null, undefined, new Date(0)] })).toEqual([]);
    expect(badCharacterPaths(undefined)).toEqual([]);
  });

  it("reads form data fields", () => {
    const form = new FormData();
    form.set("orderNo", "a\u0000");
    form.set("mode", "ONLINE");
    expect(badCharacterPaths(form)).toEqual([["orderNo"]]);
  });

  it("survives cycles and very deep nesting without recursion", () => {
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic.self = cyclic;
    expect(badCharacterPaths(cyclic)).toEqual([]);
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(badCharacterPaths(deep)).toHaveLength(1);
  });

  it("reports at most 20 paths", () => {
    expect(badCharacterPaths(Array.from({ length: 1000 }, () => "\u0000"))).toHaveLength(20);
  });
});

describe("cleanString", () => {
  it("refuses bad characters with the BAD_CHARACTERS problem and keeps zod's chaining", () => {
    const schema = cleanString().trim().min(1).max(5);
    expect(schema.parse(" abc ")).toBe("abc");
    const refused = schema.safeParse("a\u0000");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({
      code: "custom",
      params: { problem: "BAD_CHARACTERS" },
    });
    expect(schema.safeParse("abcdefg").success).toBe(false);
  });
});
