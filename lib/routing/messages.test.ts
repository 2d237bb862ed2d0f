import { describe, expect, it } from "vitest";
import { formatFen } from "./format";
import { message, renderMessage, ROUTING_MESSAGES_EN } from "./messages";

describe("renderMessage", () => {
  it.each([
    [message("routing.score.coverageAll", { items: 1 }), "has the 1 item"],
    [message("routing.score.coverageAll", { items: 3 }), "has all 3 items"],
    [
      message("routing.summary.parcel", { node: "CW", distanceKm: 2.5, units: 1 }),
      "CW (2.5 km away) sends 1 item.",
    ],
    [
      message("routing.summary.runnerUp", {
        runnerUp: "Central Warehouse",
        advantage: message("routing.advantage.LOWEST_COST", { percent: 4 }),
        drawback: message("routing.drawback.NEAREST", { distanceKm: 820 }),
      }),
      "Central Warehouse was 4 % cheaper but 820 km away.",
    ],
    // A missing parameter stays visible instead of vanishing from the sentence.
    [message("routing.score.nearest"), "{distanceKm} km away"],
  ])("%j → %s", (part, text) => {
    expect(renderMessage(part)).toBe(text);
  });
  it("every template's braces balance", () => {
    for (const template of Object.values(ROUTING_MESSAGES_EN)) {
      let depth = 0;
      for (const ch of template) {
        depth += ch === "{" ? 1 : ch === "}" ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
  it("every key sits under routing.*, where the UI catalogues keep them", () => {
    expect(Object.keys(ROUTING_MESSAGES_EN).every((k) => k.startsWith("routing."))).toBe(true);
  });
});

describe("formatFen", () => {
  it.each([
    [0, "¥0.00"],
    [5, "¥0.05"],
    [1268, "¥12.68"],
    [123456789, "¥1,234,567.89"],
    [-250, "-¥2.50"],
  ])("%i → %s", (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});
