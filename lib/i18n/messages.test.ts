import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/messages";

const en = MESSAGES.en;
const zh = MESSAGES["zh-CN"];

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("English and Chinese have exactly the same keys", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("every Chinese text is written in Chinese and no English text is", () => {
    const han = /\p{Script=Han}/u;
    const texts = (root: unknown) =>
      keys(root).map((k) =>
        k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root),
      );
    const untranslated = keys(zh).filter(
      (k, i) => !han.test(String(texts(zh)[i])) && !/^admin\.(skus|policy\.RATIO)$/.test(k),
    );
    expect(untranslated).toEqual([]);
    expect(texts(en).filter((v) => han.test(String(v)))).toEqual([]);
  });

  // `#` in a plural formats the number with Intl.NumberFormat, whose first use costs a phone tens
  // of milliseconds: the header's cart link would pay it while the page hydrates. Messages that
  // client components on every storefront page format write the plain argument instead.
  it("the header's and cart's messages never format numbers with `#`", () => {
    for (const messages of [en, zh]) {
      expect(JSON.stringify([messages.common, messages.cart])).not.toContain("#");
    }
  });
});
