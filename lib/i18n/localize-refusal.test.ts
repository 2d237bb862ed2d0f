import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toFailure } from "@/lib/actions/result";
import { AppError, ERROR_CODES, type Refusal } from "@/lib/errors/app-error";
import { REFUSAL_REASONS } from "@/lib/errors/error-details";
import { FIELD_PROBLEMS, type FieldProblem } from "@/lib/errors/field-problem";
import { parseInput } from "@/lib/validation/parse-input";
import { MESSAGES } from "@/messages";
import { localizeRefusal, type RefusalIntl } from "./localize-refusal";

const LOCALES = ["en", "zh-CN"] as const;

/** The real catalogue; a missing message or argument fails the test instead of falling back. */
function intlFor(locale: (typeof LOCALES)[number]): RefusalIntl {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "errors",
    onError: (error) => {
      throw error;
    },
  });
  // The catalogue's typed keys are checked at run time here: every key this test builds must exist.
  return { t: (key, values) => t(key as never, values as never), locale };
}

/** Every fact any message may name, so that each reason's sentence can be formatted. */
const SAMPLE_FACTS = {
  available: 2,
  attemptsLeft: 3,
  retryAfterSeconds: 30,
  minimum: 3,
  maximum: 500,
  ordered: 2,
  max: 99,
  returnable: 1,
  minSpend: 10_000,
  subtotal: 5_000,
  paid: 100,
  total: 200,
  row: 2,
  method: "SAME_CITY",
  orderNo: "OP-1",
};

function refusalOf(code: string, details?: object, fieldErrors?: Refusal["fieldErrors"]) {
  // Built from plain values to reach every code and reason; real refusals are typed at the source.
  return { code, details, fieldErrors } as Refusal;
}

const SAMPLE_PROBLEMS: Record<(typeof FIELD_PROBLEMS)[number], FieldProblem[]> = {
  REQUIRED: [{ problem: "REQUIRED" }],
  TOO_SMALL: (["number", "text", "list"] as const).flatMap((of) => [
    { problem: "TOO_SMALL", of, minimum: 3, inclusive: true },
    { problem: "TOO_SMALL", of, minimum: 0, inclusive: false },
  ]),
  TOO_BIG: (["number", "text", "list"] as const).flatMap((of) => [
    { problem: "TOO_BIG", of, maximum: 99, inclusive: true },
    { problem: "TOO_BIG", of, maximum: 100, inclusive: false },
  ]),
  NOT_INTEGER: [{ problem: "NOT_INTEGER" }],
  WRONG_TYPE: [{ problem: "WRONG_TYPE" }],
  BAD_FORMAT: [{ problem: "BAD_FORMAT" }],
  NOT_AN_OPTION: [{ problem: "NOT_AN_OPTION" }],
  UNKNOWN_FIELD: [{ problem: "UNKNOWN_FIELD" }],
  NOT_JSON_OBJECT: [{ problem: "NOT_JSON_OBJECT" }],
  INVALID: [{ problem: "INVALID" }],
};

const han = /\p{Script=Han}/u;

describe.each(LOCALES)("localizeRefusal in %s", (locale) => {
  const intl = intlFor(locale);

  it.each(ERROR_CODES)("words %s without a reason", (code) => {
    const { message } = localizeRefusal(refusalOf(code), intl);
    expect(message).not.toMatch(/^errors\.|refusal\./);
    expect(han.test(message)).toBe(locale === "zh-CN");
  });

  it.each(
    ERROR_CODES.flatMap((code) => REFUSAL_REASONS[code].map((reason) => [code, reason] as const)),
  )("words %s with the reason %s", (code, reason) => {
    const { message } = localizeRefusal(refusalOf(code, { ...SAMPLE_FACTS, reason }), intl);
    expect(message).not.toMatch(/^errors\.|reason\./);
    expect(han.test(message)).toBe(locale === "zh-CN");
  });

  it.each(FIELD_PROBLEMS)("words the field problem %s", (kind) => {
    for (const problem of SAMPLE_PROBLEMS[kind]) {
      const { fields } = localizeRefusal(
        refusalOf("INVALID_INPUT", undefined, { x: [problem] }),
        intl,
      );
      expect(fields.x).toBeTruthy();
      expect(han.test(fields.x ?? "")).toBe(locale === "zh-CN");
    }
  });

  it("never shows the server's English sentence or internal values", () => {
    const failure = toFailure(
      new AppError("CONFLICT", "Out of order: a task that is PACKED cannot become PICKED.", {
        details: { reason: "TASK_STATE", status: "PACKED", wanted: "PICKED" },
      }),
    );
    const { message } = localizeRefusal(failure, intl);
    expect(message).not.toContain(failure.message);
    expect(message).not.toContain("PACKED");
  });
});

describe("localizeRefusal's sentences", () => {
  const [en, zh] = [intlFor("en"), intlFor("zh-CN")];
  const say = (refusal: Refusal) => [
    localizeRefusal(refusal, en).message,
    localizeRefusal(refusal, zh).message,
  ];

  it("counts what is left: online stock, pickup code tries", () => {
    const online = (available: number): Refusal => ({
      code: "OUT_OF_STOCK",
      details: { reason: "ONLINE", skuId: "sku_1", available, availability: { sku_1: available } },
    });
    expect(say(online(3))).toEqual([
      "Only 3 available online; your cart was not changed.",
      "网上商城仅剩 3 件，购物车未作更改。",
    ]);
    expect(say(online(0))).toEqual([
      "Sorry, this item is out of stock online.",
      "抱歉，该商品网上商城已售罄。",
    ]);
    expect(
      say({ code: "INVALID_INPUT", details: { reason: "WRONG_PICKUP_CODE", attemptsLeft: 4 } }),
    ).toEqual(["Wrong code. 4 tries left.", "提货码错误，还可尝试 4 次。"]);
  });

  it("formats money facts as money in the reader's format", () => {
    const [english, chinese] = say({
      code: "INVALID_INPUT",
      details: { reason: "MIN_SPEND_NOT_MET", minSpend: 19_900, subtotal: 12_050 },
    });
    expect(english).toBe(
      "This coupon needs a spend of at least CN¥199.00; the order comes to CN¥120.50.",
    );
    expect(chinese).toBe("这张优惠券需满 ¥199.00 才能使用，当前订单金额为 ¥120.50。");
  });

  it("adds the field problems of a refusal without a reason, and keys them by field", () => {
    const schema = z.object({ quantity: z.number().int().min(1).max(99), note: z.string() });
    const refusal = toFailure(captured(() => parseInput(schema, { quantity: 0 })));
    expect(localizeRefusal(refusal, en)).toEqual({
      message: "Some fields are not valid. Enter a number of at least 1. This is required.",
      fields: { quantity: "Enter a number of at least 1.", note: "This is required." },
    });
    expect(localizeRefusal(refusal, zh)).toEqual({
      message: "部分内容填写有误。请输入不小于 1 的数字。此项必填。",
      fields: { quantity: "请输入不小于 1 的数字。", note: "此项必填。" },
    });
  });

  it("gives the reason alone when there is one, and still words its fields", () => {
    const refusal: Refusal = {
      code: "INVALID_INPUT",
      details: { reason: "STORE_REQUIRED" },
      fieldErrors: { storeNodeId: [{ problem: "REQUIRED" }] },
    };
    expect(localizeRefusal(refusal, en)).toEqual({
      message: "Choose a store to pick up from.",
      fields: { storeNodeId: "This is required." },
    });
  });

  it("names the routing rule's row and method", () => {
    expect(
      say({
        code: "INVALID_INPUT",
        details: { reason: "ROUTING_RULES", method: "PICKUP", row: 3 },
      }),
    ).toEqual([
      "The rule in row 3 would make routing refuse every store pickup order. Check its weight and settings.",
      "第 3 行的规则会使所有门店自提订单无法分配，请检查其权重和设置。",
    ]);
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}
