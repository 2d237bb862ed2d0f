import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { rulesInputSchema } from "@/lib/routing/rules-input";
import { saveRoutingRules } from "./save-routing-rules.server";

const rule = (change: Record<string, unknown> = {}) => ({
  kind: "NEAREST",
  mode: "SCORE",
  method: null,
  weight: 1,
  position: 1,
  enabled: true,
  params: "{}",
  ...change,
});

describe("saving routing rules", () => {
  const db = useMigratedDatabase("pglite");

  it("replaces the whole set", async () => {
    const prisma = db();
    const input = rulesInputSchema.parse({
      rules: [
        rule(),
        rule({ kind: "CAPACITY", mode: "FILTER", position: 2 }),
        rule({
          kind: "NODE_TYPES",
          mode: "FILTER",
          method: "PICKUP",
          position: 3,
          params: '{"nodeTypes":["STORE_DIRECT"]}',
        }),
      ],
    });
    expect(await saveRoutingRules(prisma, input)).toEqual({ count: 3 });
    expect(
      (await prisma.routingRule.findMany({ orderBy: { position: "asc" } })).map((r) => r.kind),
    ).toEqual(["NEAREST", "CAPACITY", "NODE_TYPES"]);
  });

  it("refuses a set routing would reject, and keeps the old one", async () => {
    const prisma = db();
    const before = await prisma.routingRule.count();
    const input = rulesInputSchema.parse({
      rules: [rule({ kind: "NODE_TYPES", mode: "FILTER", params: '{"nodeTypes":["CASTLE"]}' })],
    });
    const error = await saveRoutingRules(prisma, input).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("INVALID_INPUT");
    expect(await prisma.routingRule.count()).toBe(before);
  });

  it.each([
    ["settings that are not JSON", rule({ params: "{nodeTypes" }), "rules.0.params"],
    ["settings that are a list", rule({ params: "[]" }), "rules.0.params"],
    ["a negative weight", rule({ weight: -1 }), "rules.0.weight"],
    ["an unknown rule", rule({ kind: "CHEAPEST_FRIEND" }), "rules.0.kind"],
    ["a fractional position", rule({ position: 1.5 }), "rules.0.position"],
  ])("the editor's input refuses %s", (_, bad, path) => {
    const parsed = rulesInputSchema.safeParse({ rules: [bad] });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
