import { beforeAll, expect, it } from "vitest";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { ErrorCode } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordInbound } from "@/lib/inventory/record-inbound.server";
import { confirmReservation } from "./confirm-reservation.server";
import { receivePresaleInbound } from "./receive-presale-inbound.server";
import { releaseExpiredHolds } from "./release-expired-holds.server";
import { releaseReservation } from "./release-reservation.server";
import { reserveBundle } from "./reserve-bundle.server";
import { reservePresale } from "./reserve-presale.server";
import { reserveStock } from "./reserve-stock.server";
import { createWorld, refusalOf, stockState, type World } from "./test-world";

const t0 = new Date("2026-11-22T10:00:00Z");
const later = new Date("2026-11-22T11:00:00Z");

type Case = [
  string,
  (prisma: PrismaClient, w: World, ids: Ids) => Promise<unknown>,
  ErrorCode,
  Record<string, unknown>?,
];
type Ids = { released: string; expired: string };

const reserve = (prisma: PrismaClient, w: World, patch: Record<string, unknown> = {}) =>
  reserveStock(prisma, {
    channelId: w.channel("web"),
    skuId: w.sku("tee"),
    nodeId: "best",
    quantity: 1,
    kind: "CHECKOUT_HOLD",
    now: t0,
    ...patch,
  });

const CASES: Case[] = [
  ["quantity 0", (p, w) => reserve(p, w, { quantity: 0 }), "INVALID_INPUT"],
  ["negative quantity", (p, w) => reserve(p, w, { quantity: -2 }), "INVALID_INPUT"],
  ["fractional quantity", (p, w) => reserve(p, w, { quantity: 1.5 }), "INVALID_INPUT"],
  ["TTL of 0 s", (p, w) => reserve(p, w, { ttlSeconds: 0 }), "INVALID_INPUT"],
  ["TTL over 24 h", (p, w) => reserve(p, w, { ttlSeconds: 24 * 3600 + 1 }), "INVALID_INPUT"],
  ["unknown SKU", (p, w) => reserve(p, w, { skuId: "no-such-sku" }), "NOT_FOUND"],
  ["unknown node", (p, w) => reserve(p, w, { nodeId: "no-such-node" }), "NOT_FOUND"],
  [
    "unknown candidate node",
    (p, w) => reserve(p, w, { candidateNodeIds: [w.node("a"), "nope"] }),
    "NOT_FOUND",
  ],
  ["unknown channel", (p, w) => reserve(p, w, { channelId: "no-such-channel" }), "NOT_FOUND"],
  ["inactive channel", (p, w) => reserve(p, w, { channelId: w.channel("closed") }), "CONFLICT"],
  [
    "more than the pool",
    (p, w) => reserve(p, w, { quantity: 50 }),
    "OUT_OF_STOCK",
    { available: 8, requested: 50 },
  ],
  [
    "a channel that does not sell the SKU",
    (p, w) => reserve(p, w, { channelId: w.channel("staff") }),
    "OUT_OF_STOCK",
    { available: 0, reason: "CHANNEL" },
  ],
  [
    "a bundle through reserveStock",
    (p, w) => reserve(p, w, { skuId: w.sku("kit") }),
    "INVALID_INPUT",
  ],
  [
    "a plain SKU through reserveBundle",
    (p, w) =>
      reserveBundle(p, {
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        nodeId: "best",
        quantity: 1,
        kind: "CHECKOUT_HOLD",
      }),
    "INVALID_INPUT",
  ],
  [
    "a bundle with a fractional quantity",
    (p, w) =>
      reserveBundle(p, {
        channelId: w.channel("web"),
        skuId: w.sku("kit"),
        nodeId: "best",
        quantity: 0.5,
        kind: "CHECKOUT_HOLD",
      }),
    "INVALID_INPUT",
  ],
  [
    "releasing a hold twice",
    (p, _w, ids) => releaseReservation(p, { reservationId: ids.released }),
    "CONFLICT",
  ],
  [
    "releasing an unknown hold",
    (p) => releaseReservation(p, { reservationId: "no-such-hold" }),
    "NOT_FOUND",
  ],
  ["releasing with no target", (p) => releaseReservation(p, {}), "INVALID_INPUT"],
  [
    "confirming an expired hold",
    (p, _w, ids) => confirmReservation(p, { reservationId: ids.expired, now: later }),
    "HOLD_EXPIRED",
  ],
  [
    "confirming a released hold",
    (p, _w, ids) => confirmReservation(p, { reservationId: ids.released, now: t0 }),
    "CONFLICT",
  ],
  ["a sweep limit of 0", (p) => releaseExpiredHolds(p, { limit: 0 }), "INVALID_INPUT"],
  [
    "presale of a fractional quantity",
    (p, w) =>
      reservePresale(p, {
        channelId: w.channel("web"),
        skuId: w.sku("tee"),
        quantity: 0.5,
      }),
    "INVALID_INPUT",
  ],
  [
    "receiving 0 units",
    (p, w) =>
      receivePresaleInbound(p, {
        nodeId: w.node("a"),
        skuId: w.sku("tee"),
        quantity: 0,
        documentId: "PO",
      }),
    "INVALID_INPUT",
  ],
  [
    "receiving at an unknown node",
    (p, w) =>
      receivePresaleInbound(p, {
        nodeId: "nope",
        skuId: w.sku("tee"),
        quantity: 1,
        documentId: "PO",
      }),
    "NOT_FOUND",
  ],
  [
    "announcing inbound of a bundle",
    (p, w) =>
      recordInbound(p, {
        nodeId: w.node("a"),
        skuId: w.sku("kit"),
        quantity: 1,
        documentId: "PO",
      }),
    "INVALID_INPUT",
  ],
  ["ATS of no SKUs", (p) => computeChannelAts(p, { skuIds: [] }), "INVALID_INPUT"],
];

/** Every refusal is typed and leaves stock, movements and reservations exactly as they were. */
export function defineBadInputTests(db: () => PrismaClient): void {
  let w: World;
  let ids: Ids;
  beforeAll(async () => {
    const prisma = db();
    w = await createWorld(prisma, {
      nodes: ["a"],
      channels: {
        web: { priority: 1, policy: { mode: "SHARED" } },
        staff: { priority: 2, policy: { mode: "FIXED", fixedQty: 0 } },
        closed: { priority: 3, policy: { mode: "SHARED" } },
      },
      skus: { tee: { stock: { a: 10 } }, sock: { stock: { a: 10 } } },
      bundles: { kit: { tee: 1, sock: 1 } },
    });
    await prisma.channel.update({ where: { id: w.channel("closed") }, data: { active: false } });
    const released = await reserve(prisma, w);
    await releaseReservation(prisma, { reservationId: released.reservation.id, now: t0 });
    const expired = await reserve(prisma, w, { ttlSeconds: 60 });
    await reserve(prisma, w);
    ids = { released: released.reservation.id, expired: expired.reservation.id };
  });

  it.each(CASES)("%s → %s, nothing changed", async (_name, call, code, details) => {
    const prisma = db();
    const before = await stockState(prisma, w.skuIds);
    const refusal = await refusalOf(call(prisma, w, ids));
    expect(refusal.code).toBe(code);
    if (code === "INVALID_INPUT")
      expect(Object.keys(refusal.fieldErrors ?? {}).length).toBeGreaterThan(0);
    if (details) expect(refusal.details).toMatchObject(details);
    expect(await stockState(prisma, w.skuIds)).toEqual(before);
  });
}
