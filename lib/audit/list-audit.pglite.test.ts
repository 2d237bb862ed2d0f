import { describe, expect, it } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { createWorld } from "@/lib/reservations/test-world";
import { recordAudit } from "./record-audit.server";
import { listAuditEntries, listAuditFacets } from "./list-audit.server";
import { loadAuditNames } from "./audit-names.server";
import { auditTarget } from "./audit-words";

describe("audit trail listing", () => {
  const db = useMigratedDatabase("pglite");

  it("lists entries newest first, filtered by entity, action, actor and days, in pages", async () => {
    const prisma = db();
    const tag = `T${Date.now().toString(36)}`;
    const [ann, bo] = await Promise.all(
      ["ann", "bo"].map((name) =>
        prisma.user.create({
          data: { email: `${name}-${tag}@test.dev`, name, passwordHash: "-", role: "ADMIN" },
        }),
      ),
    );
    const at = (day: string) => new Date(`2026-11-${day}T10:00:00.000Z`);
    const entries = [
      { actor: ann, entity: `${tag}_NODE`, action: "CREATE", createdAt: at("01") },
      { actor: bo, entity: `${tag}_NODE`, action: "DEACTIVATE", createdAt: at("02") },
      { actor: ann, entity: `${tag}_STOCK`, action: "ADJUST", createdAt: at("03") },
    ];
    for (const e of entries) {
      await prisma.$transaction((tx) =>
        recordAudit(tx, {
          actorUserId: e.actor!.id,
          entity: e.entity,
          entityId: "x",
          action: e.action,
          before: null,
          after: { n: 1 },
        }),
      );
      await prisma.auditEntry.updateMany({
        where: { entity: e.entity, action: e.action },
        data: { createdAt: e.createdAt },
      });
    }
    const nodes = await listAuditEntries(prisma, { entity: `${tag}_NODE`, page: 1 });
    expect(nodes.total).toBe(2);
    expect(nodes.rows.map((r) => r.action)).toEqual(["DEACTIVATE", "CREATE"]);
    expect(nodes.rows[0]).toMatchObject({ actorName: "bo", after: { n: 1 } });

    const byAnn = await listAuditEntries(prisma, { actorId: ann!.id, page: 1 });
    expect(byAnn.rows.map((r) => r.action)).toEqual(["ADJUST", "CREATE"]);
    const byAction = await listAuditEntries(prisma, {
      actorId: ann!.id,
      action: "ADJUST",
      page: 1,
    });
    expect(byAction.total).toBe(1);
    const days = await listAuditEntries(prisma, {
      actorId: ann!.id,
      from: "2026-11-02",
      to: "2026-11-03",
      page: 1,
    });
    expect(days.rows.map((r) => r.entity)).toEqual([`${tag}_STOCK`]);
    const beyond = await listAuditEntries(prisma, { entity: `${tag}_NODE`, page: 2 });
    expect(beyond).toMatchObject({ total: 2, rows: [] });

    const facets = await listAuditFacets(prisma);
    expect(facets.entities).toEqual(expect.arrayContaining([`${tag}_NODE`, `${tag}_STOCK`]));
    expect(facets.actions).toEqual(expect.arrayContaining(["ADJUST", "DEACTIVATE"]));
    expect(facets.actors.map((a) => a.id)).toEqual(expect.arrayContaining([ann!.id, bo!.id]));
  });

  it("names the records an entry refers to by their codes; an unknown id stays unnamed", async () => {
    const prisma = db();
    const world = await createWorld(prisma, {
      nodes: ["n1"],
      channels: { tmall: { priority: 1, policy: { mode: "SHARED" } } },
      skus: { tee: { stock: { n1: 3 } } },
    });
    const [node, sku, channel] = await Promise.all([
      prisma.node.findUniqueOrThrow({ where: { id: world.node("n1") } }),
      prisma.sku.findUniqueOrThrow({ where: { id: world.sku("tee") } }),
      prisma.channel.findUniqueOrThrow({ where: { id: world.channel("tmall") } }),
    ]);
    const names = await loadAuditNames(prisma, [node.id, sku.id, channel.id, "no-such-id"]);
    expect(names.get(node.id)).toBe(node.code);
    expect(names.get(sku.id)).toBe(sku.skuCode);
    expect(names.get(channel.id)).toBe(channel.code);
    expect(names.has("no-such-id")).toBe(false);
    const entry = {
      entity: "STOCK_LEVEL",
      entityId: `${node.id}/${sku.id}`,
      before: null,
      after: null,
    };
    expect(auditTarget(entry, names)).toBe(`${node.code} · ${sku.skuCode}`);
  });
});
