import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/messages";
import { localizeRoutingMessage, localizeSentences } from "./localize";
import { message, renderMessage, ROUTING_MESSAGES_EN } from "./messages";

const translator = (locale: "en" | "zh-CN") => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "routing" });
  return (key: string, values?: Record<string, string | number>) =>
    t(key as never, values as never);
};

function flatten(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    flatten(v, `${prefix}.${k}`),
  );
}

describe("routing messages in the UI catalogues", () => {
  it("the English catalogue holds exactly the routing core's wording", () => {
    expect(Object.fromEntries(flatten(MESSAGES.en.routing, "routing"))).toEqual(
      ROUTING_MESSAGES_EN,
    );
  });

  const runnerUp = message("routing.summary.runnerUp", {
    runnerUp: "Central Warehouse",
    advantage: message("routing.advantage.LOWEST_COST", { percent: 4 }),
    drawback: message("routing.drawback.NEAREST", { distanceKm: 820 }),
  });

  it("renders a stored sentence in English exactly as the core does", () => {
    expect(localizeRoutingMessage(runnerUp, translator("en"))).toBe(renderMessage(runnerUp));
  });

  it("renders the same sentence in Chinese, nested parts and plurals included", () => {
    const zh = translator("zh-CN");
    expect(localizeRoutingMessage(runnerUp, zh)).toBe(
      "Central Warehouse便宜 4%，但距离 820 公里。",
    );
    const single = message("routing.summary.single", {
      winner: "SH-001",
      distanceKm: 1.2,
      units: 3,
      strength: message("routing.strength.NEAREST"),
    });
    expect(
      localizeSentences(
        [single, message("routing.summary.planCost", { cost: "¥8.00" })],
        zh,
        "zh-CN",
      ),
    ).toBe("SH-001（距离 1.2 公里）有全部 3 件商品，且距离最近。运费合计 ¥8.00。");
  });
});
