import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "./global-error";

describe("the page shown when the root layout fails", () => {
  const html = renderToStaticMarkup(
    createElement(GlobalError, { error: new Error("boom"), retry: () => undefined }),
  );

  it("is a whole document of its own, since the root layout that would wrap it failed", () => {
    expect(html).toMatch(
      /^<html lang="en"><head><title>Something went wrong · 出错了 · OnePool<\/title><\/head><body[^>]*>/,
    );
    expect(html).toMatch(/<\/body><\/html>$/);
  });

  it("speaks both of the store's languages, since the failed layout is what knows the shopper's", () => {
    expect(html).toContain("something went wrong");
    expect(html).toContain('<span lang="zh-CN">· 出错了</span>');
    expect(html).toContain("Try again · 重试");
  });

  it("shows nothing of the error itself", () => {
    expect(html).not.toContain("boom");
  });
});
