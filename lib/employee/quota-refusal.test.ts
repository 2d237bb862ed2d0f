import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Refusal } from "@/lib/errors/app-error";
import { localizeRefusal } from "@/lib/i18n/localize-refusal";
import { MESSAGES } from "@/messages";

function say(refusal: Refusal): string[] {
  return (["en", "zh-CN"] as const).map((locale) => {
    const t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      namespace: "errors",
      onError: (error) => {
        throw error;
      },
    });
    return localizeRefusal(refusal, {
      t: (key, values) => t(key as never, values as never),
      locale,
    }).message;
  });
}

const naming = {
  product: "Velocity Run 3",
  productZh: "疾速跑鞋 3",
  colour: "Black",
  colourZh: "黑色",
  size: "42",
};

describe("quota refusals name the limit, what is left and the period", () => {
  it("per SKU, with the item as the employee knows it", () => {
    expect(
      say({
        code: "QUOTA_EXCEEDED",
        details: {
          reason: "PER_SKU",
          skuId: "sku_1",
          left: 1,
          period: "QUARTER",
          periodKey: "2026-Q4",
          ...naming,
        },
      }),
    ).toEqual([
      "You can buy 1 more of Velocity Run 3 · Black · 42 this quarter.",
      "本季度疾速跑鞋 3（黑色，尺码 42）还可以再买 1 件。",
    ]);
  });

  it("units, counting down to none", () => {
    const units = (left: number): Refusal => ({
      code: "QUOTA_EXCEEDED",
      details: { reason: "UNITS", left, period: "MONTH", periodKey: "2026-12" },
    });
    expect(say(units(3))).toEqual([
      "You can buy 3 more items this month.",
      "本月您还可以再买 3 件。",
    ]);
    expect(say(units(0))).toEqual([
      "You have no units left in your quota this month.",
      "本月您的额度件数已用完。",
    ]);
  });

  it("spend, as money in the reader's format", () => {
    expect(
      say({
        code: "QUOTA_EXCEEDED",
        details: { reason: "SPEND", spendLeft: 12_050, period: "YEAR", periodKey: "2026" },
      }),
    ).toEqual([
      "This order is above your employee spend limit: CN¥120.50 left this year.",
      "此订单超出您的内购金额额度：本年度还剩 ¥120.50。",
    ]);
  });
});
