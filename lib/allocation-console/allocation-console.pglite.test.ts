import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld, type World } from "@/lib/reservations/test-world";
import { readChannelFeed } from "@/lib/feed/read-channel-feed.server";
import { previewAllocationChange } from "./preview-allocation-change.server";
import { deleteAllocationPolicy, saveAllocationPolicy } from "./save-allocation-policy.server";
import { deleteTierRule, saveTierRule } from "./save-tier-rule.server";
import { setChannelPriority } from "./set-channel-priority.server";

async function refusalOf(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

/**
 * web SHARED (priority 1), tm SHARED (2), jd RATIO 20 % (3), all on the world's category; tee has
 * 40 units, below its tier threshold of 100, so protected allocation (POLICY strategy) applies.
 */
async function world(db: PrismaClient) {
  const w = await createWorld(db, {
    nodes: ["n1"],
    channels: {
      web: { priority: 1, policy: { mode: "SHARED" } },
      tm: { priority: 2, policy: { mode: "SHARED", safetyBuffer: 1 } },
      jd: { priority: 3, policy: { mode: "RATIO", ratioBps: 2000 } },
    },
    skus: { tee: { stock: { n1: 40 } }, cap: { stock: { n1: 10 } } },
    tierRule: { threshold: 100, strategy: "POLICY" },
  });
  const sku = await db.sku.findUniqueOrThrow({
    where: { id: w.sku("tee") },
    include: { product: true },
  });
  const categoryId = sku.product.categoryId;
  const tmPolicy = await db.allocationPolicy.findFirstOrThrow({
    where: { channelId: w.channel("tm") },
  });
  return { w, categoryId, tmPolicy };
}

const ratioFor = (w: World, categoryId: string, id: string, version: number, percent: number) => ({
  id,
  version,
  channelCode: w.channel("tm"),
  scope: "CATEGORY" as const,
  categoryId,
  mode: "RATIO" as const,
  ratioPercent: percent,
  safetyBuffer: 1,
  active: true,
});

/** The SKU's ATS in the channel's feed snapshot, as a connector reads it. */
async function feedAts(db: PrismaClient, channelCode: string, skuCode: string) {
  const feed = await readChannelFeed(db, { code: channelCode });
  if (!("items" in feed)) throw new Error("expected a snapshot");
  return feed.items.find((i) => i.skuCode === skuCode)?.ats;
}

const atsIn = (side: { channels: { channelId: string; ats: number }[] }, channelId: string) =>
  side.channels.find((c) => c.channelId === channelId)?.ats;

describe("the allocation console", () => {
  const db = useMigratedDatabase("pglite");

  it("previews a policy change on current stock with the engine's figures, writing nothing", async () => {
    const prisma = db();
    const { w, categoryId, tmPolicy } = await world(prisma);
    const audits = await prisma.auditEntry.count();
    const preview = await previewAllocationChange(prisma, {
      change: { kind: "policy", policy: ratioFor(w, categoryId, tmPolicy.id, 1, 30) },
    });
    const tee = preview.skus.find((s) => s.skuId === w.sku("tee"));
    expect(preview.skus.map((s) => s.skuId).sort()).toEqual([w.sku("cap"), w.sku("tee")].sort());
    expect(tee?.poolAvailable).toBe(40);
    expect(tee?.now.protected).toBe(true);
    expect(tee?.now.threshold).toBe(100);
    // jd's 20 % = 8 is carved out first; tm shares the rest less its buffer: 32 − 1.
    expect(atsIn(tee!.now, w.channel("tm"))).toBe(31);
    // As a 30 % quota tm gets floor(40 × 0.3) − 1 = 11; web now shares 40 − 8 − 11.
    expect(atsIn(tee!.after, w.channel("tm"))).toBe(11);
    expect(atsIn(tee!.after, w.channel("jd"))).toBe(8);
    expect(atsIn(tee!.after, w.channel("web"))).toBe(21);
    for (const c of tee!.after.channels) expect(c.ats).toBeLessThanOrEqual(40);
    expect(tee!.after.channels.find((c) => c.channelId === w.channel("tm"))?.policyId).toBe(
      tmPolicy.id,
    );
    // Nothing written: the policy, the audit trail and the feed are as they were.
    expect(await prisma.allocationPolicy.findUniqueOrThrow({ where: { id: tmPolicy.id } })).toEqual(
      tmPolicy,
    );
    expect(await prisma.auditEntry.count()).toBe(audits);
    // A chosen SKU narrows the preview to it.
    const one = await previewAllocationChange(prisma, {
      change: { kind: "policy", policy: ratioFor(w, categoryId, tmPolicy.id, 1, 30) },
      previewSkuCode: w.sku("cap"),
    });
    expect(one.skus.map((s) => s.skuId)).toEqual([w.sku("cap")]);
  });

  it("saves, audits and publishes the new ATS on the channel feed; the stale second save is refused", async () => {
    const prisma = db();
    const { w, categoryId, tmPolicy } = await world(prisma);
    const admin = await prisma.user.create({
      data: { email: `alloc-${Date.now()}@test.dev`, name: "HQ", passwordHash: "-", role: "ADMIN" },
    });
    const saved = await saveAllocationPolicy(prisma, ratioFor(w, categoryId, tmPolicy.id, 1, 30), {
      userId: admin.id,
    });
    expect(saved.version).toBe(2);
    expect(await feedAts(prisma, w.channel("tm"), w.sku("tee"))).toBe(11);
    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { entity: "ALLOCATION_POLICY", entityId: tmPolicy.id },
    });
    expect(audit.actorUserId).toBe(admin.id);
    expect(audit.before).toMatchObject({ mode: "SHARED", ratioBps: null, version: 1 });
    expect(audit.after).toMatchObject({ mode: "RATIO", ratioBps: 3000, version: 2 });

    // A second admin opened the page at version 1 too: refused, nothing changed.
    const stale = await refusalOf(() =>
      saveAllocationPolicy(prisma, ratioFor(w, categoryId, tmPolicy.id, 1, 10), { userId: null }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details?.reason).toBe("CHANGED_SINCE_OPENED");
    const row = await prisma.allocationPolicy.findUniqueOrThrow({ where: { id: tmPolicy.id } });
    expect([row.ratioBps, row.version]).toEqual([3000, 2]);
    // The preview refuses the stale edit the same way.
    const stalePreview = await refusalOf(() =>
      previewAllocationChange(prisma, {
        change: { kind: "policy", policy: ratioFor(w, categoryId, tmPolicy.id, 1, 10) },
      }),
    );
    expect(stalePreview.details?.reason).toBe("CHANGED_SINCE_OPENED");
  });

  it("deactivates and deletes a policy: the channel stops selling, the feed drops its rows", async () => {
    const prisma = db();
    const { w, categoryId, tmPolicy } = await world(prisma);
    await saveAllocationPolicy(
      prisma,
      { ...ratioFor(w, categoryId, tmPolicy.id, 1, 30), active: false },
      { userId: null },
    );
    expect(
      await prisma.channelAts.findUnique({
        where: { channelId_skuId: { channelId: w.channel("tm"), skuId: w.sku("tee") } },
      }),
    ).toBeNull();
    const gone = await refusalOf(() =>
      deleteAllocationPolicy(prisma, { id: tmPolicy.id, version: 1 }, { userId: null }),
    );
    expect(gone.details?.reason).toBe("CHANGED_SINCE_OPENED");
    await deleteAllocationPolicy(prisma, { id: tmPolicy.id, version: 2 }, { userId: null });
    expect(await prisma.allocationPolicy.findUnique({ where: { id: tmPolicy.id } })).toBeNull();
    const missing = await refusalOf(() =>
      deleteAllocationPolicy(prisma, { id: tmPolicy.id, version: 2 }, { userId: null }),
    );
    expect([missing.code, missing.details?.reason]).toEqual(["NOT_FOUND", "ALLOCATION_POLICY"]);
  });

  it("refuses bad input with a typed error next to the field, changing nothing", async () => {
    const prisma = db();
    const { w, categoryId, tmPolicy } = await world(prisma);
    const policies = await prisma.allocationPolicy.findMany({ orderBy: { id: "asc" } });
    const audits = await prisma.auditEntry.count();
    const base = ratioFor(w, categoryId, tmPolicy.id, 1, 30);
    const cases: [Record<string, unknown>, string, string | undefined, string][] = [
      [{ ratioPercent: 101 }, "INVALID_INPUT", undefined, "ratioPercent"],
      [{ ratioPercent: 12.345 }, "INVALID_INPUT", undefined, "ratioPercent"],
      // A new web RATIO 81 % on the category where jd already holds 20 %: 101 %.
      [{ ratioPercent: 81 }, "INVALID_INPUT", "RATIO_SUM", "ratioPercent"],
      [{ mode: "FIXED", fixedQty: -1 }, "INVALID_INPUT", undefined, "fixedQty"],
      [{ mode: "FIXED", fixedQty: 2.5 }, "INVALID_INPUT", undefined, "fixedQty"],
      [{ mode: "FIXED", fixedQty: "" }, "INVALID_INPUT", undefined, "fixedQty"],
      [{ safetyBuffer: -2 }, "INVALID_INPUT", undefined, "safetyBuffer"],
      [{ channelCode: "NOPE" }, "NOT_FOUND", "CHANNEL", "channelCode"],
      [{ categoryId: "cat_nope" }, "NOT_FOUND", "CATEGORY", "categoryId"],
      [{ scope: "CATEGORY", categoryId: "" }, "INVALID_INPUT", undefined, "categoryId"],
      [{ scope: "SKU", skuCode: "NO-SUCH-SKU" }, "NOT_FOUND", "SKU_CODE", "skuCode"],
      [{ id: "pol_nope" }, "NOT_FOUND", "ALLOCATION_POLICY", "_none"],
      [{ version: undefined }, "INVALID_INPUT", undefined, "version"],
    ];
    for (const [change, code, reason, field] of cases) {
      const input = { ...base, ...change };
      if (change.ratioPercent === 81) {
        Object.assign(input, { id: undefined, version: undefined, channelCode: w.channel("web") });
      }
      const refused = await refusalOf(() => saveAllocationPolicy(prisma, input, { userId: null }));
      expect([refused.code, refused.details?.reason], JSON.stringify(change)).toEqual([
        code,
        reason,
      ]);
      if (field !== "_none") expect(Object.keys(refused.fieldErrors ?? {})).toContain(field);
    }
    const tier = { scope: "ALL" as const, strategy: "POLICY" as const, active: true };
    for (const threshold of [-1, 2.5]) {
      const refused = await refusalOf(() =>
        saveTierRule(prisma, { ...tier, threshold }, { userId: null }),
      );
      expect(Object.keys(refused.fieldErrors ?? {})).toContain("threshold");
    }
    expect(await prisma.allocationPolicy.findMany({ orderBy: { id: "asc" } })).toEqual(policies);
    expect(await prisma.auditEntry.count()).toBe(audits);
  });

  it("sets a SKU's tier switch: above the new threshold every channel shares the pool", async () => {
    const prisma = db();
    const { w } = await world(prisma);
    const rule = await prisma.tierSwitchRule.findFirstOrThrow({ where: { skuId: w.sku("tee") } });
    const change = {
      id: rule.id,
      version: 1,
      scope: "SKU" as const,
      skuCode: w.sku("tee"),
      threshold: 30,
      strategy: "POLICY" as const,
      active: true,
    };
    const preview = await previewAllocationChange(prisma, {
      change: { kind: "tierRule", rule: change },
    });
    const [tee] = preview.skus;
    expect(tee?.now.protected).toBe(true);
    expect(tee?.after.protected).toBe(false);
    expect(atsIn(tee!.after, w.channel("jd"))).toBe(40);
    const saved = await saveTierRule(prisma, change, { userId: null });
    expect(saved.version).toBe(2);
    expect(await feedAts(prisma, w.channel("jd"), w.sku("tee"))).toBe(40);
    const stale = await refusalOf(() =>
      deleteTierRule(prisma, { id: rule.id, version: 1 }, { userId: null }),
    );
    expect(stale.details?.reason).toBe("CHANGED_SINCE_OPENED");
    await deleteTierRule(prisma, { id: rule.id, version: 2 }, { userId: null });
    expect(await prisma.tierSwitchRule.findUnique({ where: { id: rule.id } })).toBeNull();
  });

  it("changes a channel's priority with its version; a stale one is refused", async () => {
    const prisma = db();
    const { w } = await world(prisma);
    const saved = await setChannelPriority(
      prisma,
      { channelCode: w.channel("tm"), priority: 5, version: 1 },
      { userId: null },
    );
    expect(saved.version).toBe(2);
    const stale = await refusalOf(() =>
      setChannelPriority(
        prisma,
        { channelCode: w.channel("tm"), priority: 1, version: 1 },
        { userId: null },
      ),
    );
    expect(stale.details?.reason).toBe("CHANGED_SINCE_OPENED");
    const unknown = await refusalOf(() =>
      setChannelPriority(
        prisma,
        { channelCode: "NOPE", priority: 1, version: 1 },
        { userId: null },
      ),
    );
    expect(unknown.details?.reason).toBe("CHANNEL");
    expect(
      (await prisma.channel.findUniqueOrThrow({ where: { id: w.channel("tm") } })).priority,
    ).toBe(5);
  });
});
