import { describe, expect, it } from "vitest";
import {
  InvalidCommandError,
  toCommandArguments,
  toCommandList,
  toUpstashValue,
} from "./upstash-values";

describe("toUpstashValue", () => {
  it.each([
    ["nil", null, false, null],
    ["an integer", 42, false, 42],
    ["a bulk string", Buffer.from("héllo"), false, "héllo"],
    [
      "a bulk string as base64",
      Buffer.from("héllo"),
      true,
      Buffer.from("héllo").toString("base64"),
    ],
    ["binary bytes as base64", Buffer.from([0, 255, 128]), true, "AP+A"],
    [
      "a nested array",
      [Buffer.from("a"), 1, null, [Buffer.from("b")]],
      false,
      ["a", 1, null, ["b"]],
    ],
    ["a nested array as base64", [Buffer.from("a"), [Buffer.from("b")]], true, ["YQ==", ["Yg=="]]],
  ])("%s", (_, reply, base64, expected) => {
    expect(toUpstashValue(reply, base64)).toEqual(expected);
  });
});

describe("toCommandArguments", () => {
  it("turns JSON values into Redis arguments", () => {
    expect(toCommandArguments(["set", "k", 1.5, true, null, { a: 1 }])).toEqual([
      "set",
      "k",
      "1.5",
      "true",
      "",
      '{"a":1}',
    ]);
  });

  it.each([[[]], [{}], ["get"], [[1, "k"]], [[""]]])("refuses %j", (body) => {
    expect(() => toCommandArguments(body)).toThrow(InvalidCommandError);
  });

  it("refuses an empty command list", () => {
    expect(() => toCommandList([])).toThrow(InvalidCommandError);
    expect(toCommandList([["ping"], ["get", "k"]])).toEqual([["ping"], ["get", "k"]]);
  });
});
