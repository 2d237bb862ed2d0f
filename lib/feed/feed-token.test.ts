import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demoFeedToken, hashToken, tokenMatchesHash } from "./feed-token";

describe("feed tokens", () => {
  it("stores the sha256 hex digest", () => {
    expect(hashToken("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
  });

  it.each([
    ["the right token", "feed-demo-web", hashToken("feed-demo-web"), true],
    ["another token", "feed-demo-jd", hashToken("feed-demo-web"), false],
    ["no stored hash", "feed-demo-web", null, false],
    ["a malformed stored hash", "feed-demo-web", "abc", false],
    ["an empty token", "", hashToken("feed-demo-web"), false],
  ] as const)("matches %s: %s", (_label, token, hash, expected) => {
    expect(tokenMatchesHash(token, hash)).toBe(expected);
  });

  it("derives the demo token from the channel code", () => {
    expect(demoFeedToken("STORE_O2O")).toBe("feed-demo-store_o2o");
  });
});
