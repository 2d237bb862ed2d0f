import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { adaptScriptCommand, ScriptShaAliases, withoutKeyLockingFlag } from "./lua-compat";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("withoutKeyLockingFlag", () => {
  it.each([
    ["the only flag", "#!lua flags=allow-key-locking\nreturn 1", "#!lua\nreturn 1"],
    [
      "among other flags",
      "#!lua flags=no-writes,allow-key-locking\nreturn 1",
      "#!lua flags=no-writes\nreturn 1",
    ],
    [
      "first of two flags",
      "#!lua flags=allow-key-locking,no-cluster\nreturn 1",
      "#!lua flags=no-cluster\nreturn 1",
    ],
    ["with CRLF line ends", "#!lua flags=allow-key-locking\r\nreturn 1", "#!lua\r\nreturn 1"],
    ["a shebang-only script", "#!lua flags=allow-key-locking", "#!lua"],
    ["other flags only", "#!lua flags=no-writes\nreturn 1", "#!lua flags=no-writes\nreturn 1"],
    ["no shebang", "return 1", "return 1"],
    [
      "the flag outside the first line",
      "-- x\n#!lua flags=allow-key-locking\nreturn 1",
      "-- x\n#!lua flags=allow-key-locking\nreturn 1",
    ],
  ])("%s", (_, script, expected) => {
    expect(withoutKeyLockingFlag(script)).toBe(expected);
  });
});

describe("adaptScriptCommand", () => {
  const script = "#!lua flags=allow-key-locking\nreturn 1";
  const stored = "#!lua\nreturn 1";

  it("sends EVAL with the flag removed and resolves EVALSHA of the sent script to the stored one", () => {
    const aliases = new ScriptShaAliases();
    expect(adaptScriptCommand(["EVAL", script, "0"], aliases).args).toEqual(["EVAL", stored, "0"]);
    expect(adaptScriptCommand(["evalsha", sha1(script), "1", "k"], aliases).args).toEqual([
      "evalsha",
      sha1(stored),
      "1",
      "k",
    ]);
    expect(
      adaptScriptCommand(["EVALSHA_RO", sha1(script).toUpperCase(), "0"], aliases).args[1],
    ).toBe(sha1(stored));
  });

  it("passes an unknown EVALSHA through so Redis answers NOSCRIPT", () => {
    const aliases = new ScriptShaAliases();
    expect(adaptScriptCommand(["evalsha", sha1(script), "0"], aliases).args[1]).toBe(sha1(script));
  });

  it("answers SCRIPT LOAD with the SHA-1 of the script the client sent", () => {
    const aliases = new ScriptShaAliases();
    const adapted = adaptScriptCommand(["script", "LOAD", script], aliases);
    expect(adapted.args).toEqual(["script", "LOAD", stored]);
    expect(adapted.adaptReply(sha1(stored))).toBe(sha1(script));
    const exists = adaptScriptCommand(["SCRIPT", "exists", sha1(script), "abc"], aliases);
    expect(exists.args).toEqual(["SCRIPT", "exists", sha1(stored), "abc"]);
  });

  it("leaves other commands and flag-free scripts alone", () => {
    const aliases = new ScriptShaAliases();
    expect(adaptScriptCommand(["set", "k", "v"], aliases).args).toEqual(["set", "k", "v"]);
    expect(adaptScriptCommand(["eval", "return 2", "0"], aliases).args).toEqual([
      "eval",
      "return 2",
      "0",
    ]);
    expect(aliases.resolve(sha1("return 2"))).toBe(sha1("return 2"));
  });
});
