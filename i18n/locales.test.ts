import { describe, expect, it } from "vitest";
import { isLocale, pickLocale } from "./locales";

describe("pickLocale", () => {
  it("keeps a remembered choice over the browser's language", () => {
    expect(pickLocale("en", "zh-CN,zh;q=0.9")).toBe("en");
    expect(pickLocale("zh-CN", "en-US")).toBe("zh-CN");
  });
  it("follows a Chinese browser on the first visit, English otherwise", () => {
    expect(pickLocale(undefined, "zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(pickLocale(undefined, "de-DE,en;q=0.5")).toBe("en");
    expect(pickLocale(undefined, null)).toBe("en");
  });
  it("ignores a cookie that names no language of the store", () => {
    expect(pickLocale("fr", "zh")).toBe("zh-CN");
    expect(pickLocale("../admin", null)).toBe("en");
  });
});

describe("isLocale", () => {
  it("accepts only the store's languages", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
