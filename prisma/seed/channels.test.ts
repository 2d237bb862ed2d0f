import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue";
import { buildChannels } from "./channels";

describe("seeded channels", () => {
  const { channels } = buildChannels(buildCatalogue(new Date("2025-06-01T00:00:00Z")));

  it("give every channel the hash of its demo feed token, feed-demo-<code>", () => {
    expect(channels).toHaveLength(8);
    for (const c of channels) {
      const token = `feed-demo-${c.code.toLowerCase()}`;
      expect(c.feedTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    }
    expect(new Set(channels.map((c) => c.feedTokenHash)).size).toBe(channels.length);
  });
});
