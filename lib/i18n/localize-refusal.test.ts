import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toFailure } from "@/lib/actions/result";
import { AppError, ERROR_CODES, type Refusal } from "@/lib/errors/app-error";
import { isItemReason, ITEM_REASONS, REFUSAL_REASONS } from "@/lib/errors/error-details";
import { FIELD_PROBLEMS, type FieldProblem } from "@/lib/errors/field-problem";
import { parseInput } from "@/lib/validation/parse-input";
import { MESSAGES } from "@/messages";
import { localizeAvailability, localizeRefusal, type RefusalIntl } from "./localize-refusal";

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
  wait: 3,
  unit: "MINUTES",
  minimum: 3,
  maximum: 500,
  ordered: 2,
  max: 99,
  balance: 500,
  returnable: 1,
  minSpend: 10_000,
  subtotal: 5_000,
  paid: 100,
  total: 200,
  row: 2,
  method: "SAME_CITY",
  orderNo: "OP-1",
  left: 1,
  spendLeft: 12_000,
  period: "QUARTER",
  listPrice: 59_900,
  employees: 2,
  totalPercent: 120,
  onHand: 4,
  reserved: 6,
  nodeCode: "SH-01",
  styleCode: "RN-101",
  skuCode: "RN-101-BLK-42",
  barcode: "6901234567892",
  refundable: 12_900,
  shipped: 5,
  days: 30,
  status: "REFUNDED",
};

/** The naming of an item and of the bundle it belongs to, for reasons that always carry it. */
const SAMPLE_NAMING = {
  product: "Velocity Run 3",
  productZh: "疾速跑鞋 3",
  colour: "Black",
  colourZh: "黑色",
  size: "42",
  requested: 3,
  bundle: "Trail Kit",
  bundleZh: "越野套装",
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
  BAD_CHARACTERS: [{ problem: "BAD_CHARACTERS" }],
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
    // Reasons that name items where known are worded here without them (their general
    // sentence); reasons that always carry the naming get it.
    const naming = isItemReason(code, reason) ? {} : SAMPLE_NAMING;
    const { message } = localizeRefusal(
      refusalOf(code, { ...SAMPLE_FACTS, ...naming, reason }),
      intl,
    );
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

  it("says how many employees hold a policy and the list price an employee price may not exceed", () => {
    expect(say({ code: "CONFLICT", details: { reason: "POLICY_IN_USE", employees: 1 } })).toEqual([
      "1 employee has this policy; give them another one first.",
      "有 1 名员工使用此方案，请先为他们更换方案。",
    ]);
    expect(
      say({
        code: "INVALID_INPUT",
        details: { reason: "EMPLOYEE_PRICE_ABOVE_LIST", listPrice: 59_900 },
      })[0],
    ).toBe("An employee price cannot be above the list price (CN¥599.00).");
  });
});

describe("localizeRefusal names items, never ids", () => {
  const naming = {
    product: "Velocity Run 3",
    productZh: "疾速跑鞋 3",
    colour: "Black",
    colourZh: "黑色",
    size: "42",
  };
  /** Every id a refusal may carry, so that a message slot showing one is caught. */
  const ids = {
    skuId: "sku_AC-952-BLK-M",
    componentSkuId: "sku_RN-101-BLK-42",
    skuIds: ["sku_AC-952-BLK-M"],
    nodeIds: ["node_SH-001"],
    channelId: "chn_web",
    orderLineId: "cm4x9k2l70000qzrmh3j8v1ab",
    lineId: "cm4x9k2l70001qzrmh3j8v1ab",
    reservationId: "cm4x9k2l70002qzrmh3j8v1ab",
    idempotencyKey: "0b9e2f0c-8d1e-4a63-9d2b-7f1c6a5e4d3b",
    orderLineIds: ["cm4x9k2l70000qzrmh3j8v1ab"],
  };
  const availability = [
    {
      skuId: "sku_AC-952-BLK-M",
      requested: 3,
      eligibleTotal: 1,
      item: naming,
      nodes: [
        {
          nodeId: "node_SH-001",
          code: "SH-001",
          name: "Nanjing Road",
          nameZh: "南京路店",
          quantity: 1,
        },
      ],
    },
    {
      skuId: "sku_TS-100-WHT-M",
      requested: 1,
      eligibleTotal: 1,
      item: { ...naming, product: "Daily Tee", productZh: "日常T恤", size: "M" },
      nodes: [],
    },
  ];
  const ROUTING_REASONS = new Set<string>([
    "INVALID_REQUEST",
    "INVALID_RULES",
    "UNKNOWN_STORE",
    "PICKUP_NOT_AVAILABLE",
    "OUTSIDE_DELIVERY_RADIUS",
    "NO_NODE_CAN_FILL",
    "SPLIT_LIMIT",
  ]);
  const idLike = /sku_|node_|chn_|\bc[a-z0-9]{20,}\b|[0-9a-f]{8}-[0-9a-f]{4}-/i;
  const named = (code: string, reason: string) =>
    (ITEM_REASONS as Partial<Record<string, readonly string[]>>)[code]?.includes(reason) ?? false;

  it.each(
    LOCALES.flatMap((locale) =>
      ERROR_CODES.flatMap((code) =>
        REFUSAL_REASONS[code].map((reason) => [locale, code, reason] as const),
      ),
    ),
  )("in %s, %s %s shows no internal id and names the item it concerns", (locale, code, reason) => {
    const details = {
      ...SAMPLE_FACTS,
      ...ids,
      ...naming,
      requested: 3,
      bundle: "Trail Kit",
      bundleZh: "越野套装",
      // Only routing's refusals list what is where; ONLINE counts per SKU.
      ...(ROUTING_REASONS.has(reason)
        ? { messageParts: [], availability, alternatives: [] }
        : { availability: { "sku_AC-952-BLK-M": 2 } }),
      reason,
    };
    const { message } = localizeRefusal(refusalOf(code, details), intlFor(locale));
    expect(message).not.toMatch(idLike);
    if (named(code, reason)) {
      const [mine, other] =
        locale === "en" ? ["Velocity Run 3", "疾速跑鞋"] : ["疾速跑鞋 3", "Velocity Run"];
      expect(message).toContain(mine);
      expect(message).not.toContain(other);
      expect(message).toContain(locale === "en" ? "Black" : "黑色");
      expect(message).toContain("42");
      // Routing names only the items that are short.
      expect(message).not.toMatch(/Daily Tee|日常T恤/);
    }
  });

  it("names the item in the reader's words, and falls back to the general sentence unnamed", () => {
    const [en, zh] = [intlFor("en"), intlFor("zh-CN")];
    const online: Refusal = {
      code: "OUT_OF_STOCK",
      details: {
        reason: "ONLINE",
        skuId: "sku_AC-952-BLK-M",
        available: 2,
        availability: { "sku_AC-952-BLK-M": 2 },
        ...naming,
      },
    };
    expect(localizeRefusal(online, en).message).toBe(
      "Velocity Run 3 · Black · 42: only 2 left online; your cart was not changed.",
    );
    expect(localizeRefusal(online, zh).message).toBe(
      "疾速跑鞋 3（黑色，尺码 42）：网上商城仅剩 2 件，购物车未作更改。",
    );
    const unnamed: Refusal = {
      code: "OUT_OF_STOCK",
      details: {
        reason: "STOCK",
        skuId: "sku_AC-952-BLK-M",
        channelId: "c",
        requested: 3,
        available: 0,
      },
    };
    expect(localizeRefusal(unnamed, en).message).toBe("No store or warehouse has this item now.");
  });

  it("words routing's 'available where' with item and store names in the reader's language", () => {
    expect(localizeAvailability(availability, intlFor("zh-CN"))[0]).toEqual({
      skuId: "sku_AC-952-BLK-M",
      item: "疾速跑鞋 3（黑色，尺码 42）",
      requested: 3,
      nodes: [{ nodeId: "node_SH-001", name: "南京路店", quantity: 1 }],
    });
    expect(localizeAvailability(availability, intlFor("en"))[0]?.nodes[0]?.name).toBe(
      "Nanjing Road",
    );
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
