import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { localizeRefusal } from "@/lib/i18n/localize-refusal";
import { MESSAGES } from "@/messages";
import { retryAfterWording, signInLimitConfigs, signInLimitKeys } from "./sign-in-limits";
import { signInErrorText, signInRefusal } from "./validation";

describe("sign-in limits", () => {
  it("keys the pair on account and address, the others on one of them", () => {
    expect(signInLimitKeys("li@x.dev", "203.0.113.7")).toEqual({
      pair: "li@x.dev|203.0.113.7",
      address: "203.0.113.7",
      account: "li@x.dev",
    });
  });

  it("gives one account a ceiling that one address cannot fill on its own", () => {
    for (const perMinute of [1, 5, 20]) {
      const { pair, address, account } = signInLimitConfigs(perMinute);
      expect(pair).toMatchObject({ tokens: perMinute, windowSeconds: 60 });
      expect(address).toMatchObject({ tokens: perMinute * 6, windowSeconds: 60 });
      // At most twice the pair budget per pair window can fall in one sliding window.
      const mostFromOneAddress = 2 * perMinute * (account.windowSeconds / pair.windowSeconds);
      expect(account.tokens).toBe(perMinute * 10);
      expect(account.tokens).toBeGreaterThanOrEqual(mostFromOneAddress);
      expect(new Set([pair.prefix, address.prefix, account.prefix]).size).toBe(3);
    }
  });

  it.each([
    [1, { wait: 1, unit: "SECONDS" }],
    [59, { wait: 59, unit: "SECONDS" }],
    [119, { wait: 119, unit: "SECONDS" }],
    [120, { wait: 2, unit: "MINUTES" }],
    [299, { wait: 5, unit: "MINUTES" }],
  ])("words a wait of %i s as %o", (seconds, wording) => {
    expect(retryAfterWording(seconds)).toEqual(wording);
  });
});

describe("the sign-in page's error", () => {
  const textOf = (error: string, locale: "en" | "zh-CN") => {
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      namespace: "errors",
      onError: (e) => {
        throw e;
      },
    });
    return localizeRefusal(signInRefusal(error), {
      t: (key, values) => t(key as never, values as never),
      locale,
    }).message;
  };

  it("carries the wait from the server to the page, in both languages", () => {
    const soon = signInErrorText({ error: "RATE_LIMITED", retryAfterSeconds: 42 });
    expect(soon).toBe("RATE_LIMITED:42");
    expect(textOf(soon, "en")).toBe("Too many sign-in attempts. Try again in 42 seconds.");
    expect(textOf(soon, "zh-CN")).toBe("登录尝试次数过多，请 42 秒后再试。");
    const later = signInErrorText({ error: "RATE_LIMITED", retryAfterSeconds: 299 });
    expect(textOf(later, "en")).toBe("Too many sign-in attempts. Try again in 5 minutes.");
    expect(textOf(later, "zh-CN")).toBe("登录尝试次数过多，请 5 分钟后再试。");
    expect(textOf("RATE_LIMITED:1", "en")).toBe(
      "Too many sign-in attempts. Try again in 1 second.",
    );
  });

  it("words a refusal without a wait as a minute's wait", () => {
    expect(textOf("RATE_LIMITED", "en")).toBe(
      "Too many sign-in attempts. Try again in 60 seconds.",
    );
  });

  it.each(["INVALID_CREDENTIALS", "RATE_LIMITED:x", "RATE_LIMITED:-1", "CredentialsSignin", ""])(
    "words %j as wrong credentials, revealing nothing",
    (error) => {
      expect(signInRefusal(error)).toEqual({
        code: "UNAUTHENTICATED",
        details: { reason: "BAD_CREDENTIALS" },
      });
    },
  );
});
