import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { parseInput } from "@/lib/validation/parse-input";
import { rulesInputSchema } from "@/lib/routing/rules-input";
import { listRoutingRules } from "./list-routing-rules.server";
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

async function refusalOf(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("saving routing rules", () => {
  const db = useMigratedDatabase("pglite");

  it("saves the set: loaded rules are updated in place, new ones added, removed ones deleted, all audited", async () => {
    const prisma = db();
    const admin = await prisma.user.create({
      data: { email: `rules-${Date.now()}@test.dev`, name: "HQ", passwordHash: "-", role: "ADMIN" },
    });
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
    expect(await saveRoutingRules(prisma, input, { userId: admin.id })).toEqual({ count: 3 });
    const first = await listRoutingRules(prisma);
    expect(first.map((r) => r.kind)).toEqual(["NEAREST", "CAPACITY", "NODE_TYPES"]);

    // The editor sends back what it loaded: change one, drop one, add one.
    const [nearest, , nodeTypes] = first;
    const edited = rulesInputSchema.parse({
      rules: [
        { ...nearest, weight: 3 },
        nodeTypes,
        rule({ kind: "STOCK_DEPTH", position: 4, params: '{"protectDisplayMin":true}' }),
      ],
    });
    await saveRoutingRules(prisma, edited, { userId: admin.id });
    const second = await listRoutingRules(prisma);
    expect(second.map((r) => [r.kind, r.weight])).toEqual([
      ["NEAREST", 3],
      ["NODE_TYPES", 1],
      ["STOCK_DEPTH", 1],
    ]);
    expect(second[0]?.id).toBe(nearest?.id);
    expect(second[1]?.id).toBe(nodeTypes?.id);

    const trail = await prisma.auditEntry.findMany({
      where: { entity: "ROUTING_RULES" },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.slice(-2).map((e) => e.actorUserId)).toEqual([admin.id, admin.id]);
    const last = trail.at(-1);
    expect((last?.before as { kind: string }[]).map((r) => r.kind)).toEqual([
      "NEAREST",
      "CAPACITY",
      "NODE_TYPES",
    ]);
    expect((last?.after as { kind: string; weight: number }[]).map((r) => r.weight)).toEqual([
      3, 1, 1,
    ]);
  });

  it("refuses a rule id that is no longer stored (another admin saved meanwhile), changing nothing", async () => {
    const prisma = db();
    const before = await listRoutingRules(prisma);
    const audits = await prisma.auditEntry.count();
    const input = rulesInputSchema.parse({ rules: [rule({ id: "deleted-meanwhile" })] });
    const error = await refusalOf(() => saveRoutingRules(prisma, input));
    expect(error.code).toBe("CONFLICT");
    expect(await listRoutingRules(prisma)).toEqual(before);
    expect(await prisma.auditEntry.count()).toBe(audits);
  });

  it("refuses a set routing would reject (a negative weight), and keeps the old one", async () => {
    const prisma = db();
    const before = await listRoutingRules(prisma);
    const error = await refusalOf(() =>
      saveRoutingRules(prisma, { rules: [{ ...rule(), weight: -1 } as never] }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(await listRoutingRules(prisma)).toEqual(before);
  });

  it.each([
    ["settings that are not JSON", rule({ params: "{nodeTypes" }), "rules.0.params"],
    ["settings that are a list", rule({ params: "[]" }), "rules.0.params"],
    ["a negative weight", rule({ weight: -1 }), "rules.0.weight"],
    ["an unknown rule", rule({ kind: "CHEAPEST_FRIEND" }), "rules.0.kind"],
    ["a fractional position", rule({ position: 1.5 }), "rules.0.position"],
    [
      "an unknown node type",
      rule({ kind: "NODE_TYPES", mode: "FILTER", params: '{"nodeTypes":["CASTLE"]}' }),
      "rules.0.params.nodeTypes.0",
    ],
    [
      "an unknown node type in a disabled rule",
      rule({ kind: "NODE_TYPES", enabled: false, params: '{"nodeTypes":["CASTLE"]}' }),
      "rules.0.params.nodeTypes.0",
    ],
    [
      "no node types",
      rule({ kind: "NODE_TYPES", params: '{"nodeTypes":[]}' }),
      "rules.0.params.nodeTypes",
    ],
    ["an unknown setting", rule({ params: '{"maxKmh":5}' }), "rules.0.params"],
    ["a distance of zero", rule({ params: '{"maxKm":0}' }), "rules.0.params.maxKm"],
    ["a distance beyond the earth", rule({ params: '{"maxKm":1e9}' }), "rules.0.params.maxKm"],
    [
      "a fractional parcel cap",
      rule({ kind: "FEWEST_SPLITS", params: '{"maxParcels":1.5}' }),
      "rules.0.params.maxParcels",
    ],
    [
      "a cost cap given as text",
      rule({ kind: "LOWEST_COST", params: '{"maxCostFen":"10"}' }),
      "rules.0.params.maxCostFen",
    ],
    [
      "display protection given as text",
      rule({ kind: "STOCK_DEPTH", params: '{"protectDisplayMin":"yes"}' }),
      "rules.0.params.protectDisplayMin",
    ],
  ])("the editor's input refuses %s, with the field named", (_, bad, path) => {
    const parsed = rulesInputSchema.safeParse({ rules: [bad] });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("words the unknown node type as a field problem the editor can show beside the field", () => {
    const error = (() => {
      try {
        parseInput(rulesInputSchema, {
          rules: [rule({ kind: "NODE_TYPES", params: '{"nodeTypes":["CASTLE"]}' })],
        });
      } catch (e) {
        return e;
      }
    })();
    expect(isAppError(error) && error.fieldErrors).toEqual({
      "rules.0.params.nodeTypes.0": [{ problem: "NOT_AN_OPTION" }],
    });
  });
});
