import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import { createMemoryRateLimiter } from "@/lib/rate-limit/memory";
import { freshPglite } from "@/lib/db/testing/databases";
import { verifyCredentials } from "./verify-credentials.server";

let db: Database;
let cleanup: () => Promise<void>;
let clock = 0;

function limiters(tokens = 5) {
  const now = () => clock;
  return {
    account: createMemoryRateLimiter({ prefix: "t-account", tokens, windowSeconds: 60 }, { now }),
    address: createMemoryRateLimiter(
      { prefix: "t-address", tokens: tokens * 6, windowSeconds: 60 },
      { now },
    ),
  };
}

beforeAll(async () => {
  const fresh = await freshPglite();
  cleanup = fresh.cleanup;
  await deployMigrations(fresh.target);
  db = await openDatabase(fresh.target);
  const store = await db.prisma.organization.create({
    data: { code: "HQ", name: "HQ", nameZh: "总部", kind: "BRAND" },
  });
  const node = await db.prisma.node.create({
    data: {
      code: "SH-001",
      name: "Flagship",
      nameZh: "旗舰店",
      type: "STORE_DIRECT",
      organizationId: store.id,
      city: "Shanghai",
      cityZh: "上海",
      district: "Huangpu",
      address: "Nanjing Rd",
      latitude: 31.235,
      longitude: 121.475,
      dailyCapacity: 50,
      costPerShipment: 800,
    },
  });
  await db.prisma.user.create({
    data: {
      email: "staff@x.dev",
      name: "Zhao Lei",
      role: "STORE_STAFF",
      storeNodeId: node.id,
      passwordHash: await bcrypt.hash("right-password", 4),
    },
  });
});

afterAll(async () => {
  await db?.close();
  await cleanup?.();
});

describe("verifyCredentials", () => {
  it("accepts the right password and returns the role and the staff member's store", async () => {
    const outcome = await verifyCredentials(
      db.prisma,
      { email: " Staff@X.dev ", password: "right-password" },
      { limiters: limiters(), clientAddress: "1.1.1.1" },
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.user).toMatchObject({
        email: "staff@x.dev",
        role: "STORE_STAFF",
        name: "Zhao Lei",
      });
      expect(outcome.user.storeNodeId).toMatch(/\w+/);
    }
  });

  it.each([
    ["a wrong password", { email: "staff@x.dev", password: "wrong" }],
    ["an unknown account", { email: "nobody@x.dev", password: "right-password" }],
    ["a malformed email", { email: "not-an-email", password: "x" }],
    ["no input at all", undefined],
  ])("refuses %s with the same code, revealing nothing", async (_label, input) => {
    const outcome = await verifyCredentials(db.prisma, input, {
      limiters: limiters(),
      clientAddress: "1.1.1.1",
    });
    expect(outcome).toEqual({ ok: false, error: "INVALID_CREDENTIALS" });
  });

  it("bounds attempts per account per minute, even with the right password, then lets them in again", async () => {
    const shared = limiters(3);
    const attempt = (password: string) =>
      verifyCredentials(
        db.prisma,
        { email: "staff@x.dev", password },
        { limiters: shared, clientAddress: "2.2.2.2" },
      );
    for (let i = 0; i < 3; i++) expect((await attempt("wrong")).ok).toBe(false);
    expect(await attempt("right-password")).toEqual({ ok: false, error: "RATE_LIMITED" });
    clock += 121_000;
    expect((await attempt("right-password")).ok).toBe(true);
  });

  it("bounds one address spraying many accounts", async () => {
    const shared = limiters(2); // 12 per address
    const outcomes = [];
    for (let i = 0; i < 14; i++) {
      outcomes.push(
        await verifyCredentials(
          db.prisma,
          { email: `user${i}@x.dev`, password: "x" },
          { limiters: shared, clientAddress: "3.3.3.3" },
        ),
      );
    }
    expect(outcomes.filter((o) => !o.ok && o.error === "RATE_LIMITED")).toHaveLength(2);
  });
});
