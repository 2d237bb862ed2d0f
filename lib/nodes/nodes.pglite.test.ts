import { describe, expect, it, vi } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import { expectedAts, publishedAts } from "@/lib/feed/feed-test-support";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadRoutingInputs } from "@/lib/orders/routing-inputs.server";
import { reserveStock } from "@/lib/reservations/reserve-stock.server";
import { createWorld } from "@/lib/reservations/test-world";
import { acceptFulfilment } from "@/lib/fulfilment/accept-fulfilment.server";
import { createFulfilmentWorld, createPaidOrder } from "@/lib/fulfilment/test-orders";
import { listNodes } from "./list-nodes.server";
import { saveNode } from "./save-node.server";
import { setNodeActive } from "./set-node-active.server";

// Node writes revalidate the stores cache tag, which lives in Next's request context.
vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));

async function refusalOf(work: () => unknown) {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

let counter = 0;
async function nodeWorld(prisma: PrismaClient) {
  const n = ++counter;
  const admin = await prisma.user.create({
    data: {
      email: `nodes-${n}-${Date.now()}@test.dev`,
      name: "HQ",
      passwordHash: "-",
      role: "ADMIN",
    },
  });
  const world = await createWorld(prisma, {
    nodes: ["n1", "n2"],
    channels: { web: { priority: 1, policy: { mode: "SHARED" } } },
    skus: { tee: { stock: { n1: 10, n2: 5 } } },
  });
  const org = await prisma.node.findUniqueOrThrow({
    where: { id: world.node("n1") },
    select: { organizationId: true },
  });
  const input = {
    code: `WH-${n}-${Date.now().toString(36)}`.toUpperCase(),
    name: "East warehouse",
    nameZh: "华东仓",
    type: "REGIONAL_WAREHOUSE" as const,
    organizationId: org.organizationId,
    city: "Hangzhou",
    cityZh: "杭州",
    district: "Xihu",
    address: "1 Lake Rd",
    latitude: 30.27,
    longitude: 120.15,
    shipsExpress: true,
    offersPickup: false,
    offersSameCity: true,
    sameCityRadiusKm: 12.5,
    dailyCapacity: 500,
    costPerShipment: 900,
    costPerKm: 3,
  };
  return { admin, world, input, actor: { userId: admin.id } };
}

const viewOf = async (prisma: PrismaClient, id: string) =>
  (await listNodes(prisma)).find((n) => n.id === id);

describe("node console", () => {
  const db = useMigratedDatabase("pglite");

  it("creates and edits a node against the state it was read in, each change audited", async () => {
    const prisma = db();
    const { admin, input, actor } = await nodeWorld(prisma);
    const created = await saveNode(prisma, { ...input, code: input.code.toLowerCase() }, actor);
    const view = await viewOf(prisma, created.id);
    // Typed in lower case, kept in upper case.
    expect(view).toMatchObject({ ...input, active: true, openTasks: 0 });
    expect(view?.fingerprint).toBe(created.fingerprint);

    const edited = await saveNode(
      prisma,
      { ...input, id: created.id, fingerprint: created.fingerprint, dailyCapacity: 650 },
      actor,
    );
    expect(edited.fingerprint).not.toBe(created.fingerprint);
    expect((await viewOf(prisma, created.id))?.dailyCapacity).toBe(650);
    const trail = await prisma.auditEntry.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(trail.map((e) => [e.entity, e.action, e.actorUserId])).toEqual([
      ["NODE", "CREATE", admin.id],
      ["NODE", "UPDATE", admin.id],
    ]);
    expect(trail[1]?.before).toMatchObject({ dailyCapacity: 500 });
    expect(trail[1]?.after).toMatchObject({ dailyCapacity: 650 });

    // A second edit made on the first read is stale.
    const stale = await refusalOf(() =>
      saveNode(
        prisma,
        { ...input, id: created.id, fingerprint: created.fingerprint, dailyCapacity: 1 },
        actor,
      ),
    );
    expect([stale.code, stale.details?.reason]).toEqual(["CONFLICT", "CHANGED_MEANWHILE"]);
    expect((await viewOf(prisma, created.id))?.dailyCapacity).toBe(650);
  });

  it("refuses bad coordinates, radius, capacity and costs, an unknown owner and a taken code", async () => {
    const prisma = db();
    const { input, actor, world } = await nodeWorld(prisma);
    const nodesBefore = await prisma.node.count();
    const auditsBefore = await prisma.auditEntry.count();
    const bad = await refusalOf(() =>
      saveNode(
        prisma,
        {
          ...input,
          latitude: 91,
          longitude: -180.5,
          sameCityRadiusKm: -1,
          dailyCapacity: 1.5,
          costPerShipment: -1,
          costPerKm: 0.2,
        },
        actor,
      ),
    );
    expect(bad.code).toBe("INVALID_INPUT");
    expect(bad.fieldErrors?.latitude?.[0]).toMatchObject({ problem: "TOO_BIG", maximum: 90 });
    expect(bad.fieldErrors?.longitude?.[0]).toMatchObject({ problem: "TOO_SMALL", minimum: -180 });
    expect(bad.fieldErrors?.sameCityRadiusKm?.[0]).toMatchObject({
      problem: "TOO_SMALL",
      minimum: 0,
    });
    expect(bad.fieldErrors?.dailyCapacity).toEqual([{ problem: "NOT_INTEGER" }]);
    expect(bad.fieldErrors?.costPerShipment?.[0]).toMatchObject({ problem: "TOO_SMALL" });
    expect(bad.fieldErrors?.costPerKm).toEqual([{ problem: "NOT_INTEGER" }]);

    const owner = await refusalOf(() =>
      saveNode(prisma, { ...input, organizationId: "org_missing" }, actor),
    );
    expect([owner.code, owner.details?.reason]).toEqual(["NOT_FOUND", "ORGANIZATION"]);
    expect(owner.fieldErrors?.organizationId).toBeTruthy();

    const taken = await refusalOf(() =>
      saveNode(prisma, { ...input, code: world.node("n1") }, actor),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.details).toEqual({
      reason: "NODE_CODE_TAKEN",
      nodeCode: world.node("n1").toUpperCase(),
    });
    expect(taken.fieldErrors?.code).toBeTruthy();
    // A code that differs only in case names the same node.
    const cased = await refusalOf(() =>
      saveNode(prisma, { ...input, code: world.node("n1").toUpperCase() }, actor),
    );
    expect([cased.code, cased.details?.reason]).toEqual(["CONFLICT", "NODE_CODE_TAKEN"]);

    const unknown = await refusalOf(() =>
      saveNode(prisma, { ...input, id: "node_missing", fingerprint: "x" }, actor),
    );
    expect([unknown.code, unknown.details?.reason]).toEqual(["NOT_FOUND", "NODE"]);
    expect(await prisma.node.count()).toBe(nodesBefore);
    expect(await prisma.auditEntry.count()).toBe(auditsBefore);
  });

  it("deactivating a node takes it out of routing, reservations and the pool; reactivating brings it back", async () => {
    const prisma = db();
    const { world, actor } = await nodeWorld(prisma);
    const [n1, sku, web] = [world.node("n1"), world.sku("tee"), world.channel("web")];
    await publishFeed(prisma);
    const view = await viewOf(prisma, n1);
    const off = await setNodeActive(
      prisma,
      { nodeId: n1, active: false, fingerprint: view?.fingerprint ?? "" },
      actor,
    );
    expect(off.active).toBe(false);

    const inputs = await loadRoutingInputs(prisma, {
      channelId: web,
      skuIds: [sku],
      now: new Date(),
    });
    const candidates = inputs.candidates.map((c) => c.id);
    expect(candidates).not.toContain(n1);
    expect(candidates).toContain(world.node("n2"));
    const [ats] = await computeChannelAts(prisma, { skuIds: [sku] });
    expect(ats?.poolAvailable).toBe(5);
    // Published in the same transaction as the switch.
    expect(await publishedAts(prisma, [sku])).toEqual(await expectedAts(prisma, [sku]));
    expect((await publishedAts(prisma, [sku])).get(`${web}/${sku}`)).toBe(5);
    const refused = await refusalOf(() =>
      reserveStock(prisma, {
        channelId: web,
        skuId: sku,
        nodeId: n1,
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      }),
    );
    expect(refused).toBeTruthy();

    const audit = await prisma.auditEntry.findFirstOrThrow({
      where: { entityId: n1, action: "DEACTIVATE" },
    });
    expect(audit.before).toEqual({ active: true });
    expect(audit.after).toEqual({ active: false });

    const stale = await refusalOf(() =>
      setNodeActive(
        prisma,
        { nodeId: n1, active: true, fingerprint: view?.fingerprint ?? "" },
        actor,
      ),
    );
    expect(stale.details?.reason).toBe("CHANGED_MEANWHILE");
    await setNodeActive(prisma, { nodeId: n1, active: true, fingerprint: off.fingerprint }, actor);
    const [back] = await computeChannelAts(prisma, { skuIds: [sku] });
    expect(back?.poolAvailable).toBe(15);
  });

  it("a node switched off keeps its open tasks: they stay listed and are finished there", async () => {
    const prisma = db();
    const w = await createFulfilmentWorld(prisma);
    const sh = w.node("sh");
    const order = await createPaidOrder(prisma, w, {
      method: "SAME_CITY",
      parts: [{ node: "sh", lines: [{ sku: "a", qty: 1 }] }],
    });
    const view = await viewOf(prisma, sh);
    expect(view?.openTasks).toBe(1);
    await setNodeActive(
      prisma,
      { nodeId: sh, active: false, fingerprint: view?.fingerprint ?? "" },
      { userId: w.admin.id },
    );
    const off = await viewOf(prisma, sh);
    expect(off).toMatchObject({ active: false, openTasks: 1 });
    const task = await prisma.fulfilmentOrder.findUniqueOrThrow({ where: { id: order.fo("sh") } });
    expect(task.status).toBe("ROUTED");
    // The store's staff still accept the task at the switched-off node.
    await acceptFulfilment(prisma, { fulfilmentOrderId: order.fo("sh"), actor: w.staffOf("sh") });
    const accepted = await prisma.fulfilmentOrder.findUniqueOrThrow({
      where: { id: order.fo("sh") },
    });
    expect(accepted.status).toBe("ACCEPTED");
  });
});
