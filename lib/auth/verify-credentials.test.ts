import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployMigrations } from "@/lib/db/migrations/deploy";
import { openDatabase, type Database } from "@/lib/db/open";
import { createMemoryRateLimiter } from "@/lib/rate-limit/memory";
import { freshPglite } from "@/lib/db/testing/databases";
import { signInLimitConfigs } from "./sign-in-limits";
import { verifyCredentials } from "./verify-credentials.server";

let db: Database;
let cleanup: () => Promise<void>;
let clock = 0;

/** The production limits (`signInLimitConfigs`) on in-process limiters with a test clock. */
function limiters(perMinute = 5) {
  const now = () => clock;
  const configs = signInLimitConfigs(perMinute);
  return {
    pair: createMemoryRateLimiter(configs.pair, { now }),
    address: createMemoryRateLimiter(configs.address, { now }),
    account: createMemoryRateLimiter(configs.account, { now }),
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

  it("bounds attempts per account and address, even with the right password, then lets them in again", async () => {
    const shared = limiters(3);
    const attempt = (password: string) =>
      verifyCredentials(
        db.prisma,
        { email: "staff@x.dev", password },
        { limiters: shared, now: () => clock, clientAddress: "2.2.2.2" },
      );
    for (let i = 0; i < 3; i++) expect((await attempt("wrong")).ok).toBe(false);
    const refused = await attempt("right-password");
    expect(refused).toMatchObject({ ok: false, error: "RATE_LIMITED" });
    // The window is a minute, so the wait is at most a minute.
    expect(
      refused.ok === false && "retryAfterSeconds" in refused && refused.retryAfterSeconds,
    ).toSatisfy((seconds: unknown) => typeof seconds === "number" && seconds >= 1 && seconds <= 60);
    clock += 121_000;
    expect((await attempt("right-password")).ok).toBe(true);
  });

  it("a burst from one address locks only that address out of the account", async () => {
    const shared = limiters(3);
    const from = (clientAddress: string, password: string) =>
      verifyCredentials(
        db.prisma,
        { email: "staff@x.dev", password },
        { limiters: shared, now: () => clock, clientAddress },
      );
    const burst = [];
    for (let i = 0; i < 40; i++) burst.push(await from("4.4.4.4", "wrong"));
    expect(burst.filter((o) => o.ok === false && o.error === "RATE_LIMITED")).toHaveLength(37);
    expect((await from("4.4.4.4", "right-password")).ok).toBe(false);
    expect((await from("5.5.5.5", "right-password")).ok).toBe(true);
  });

  it("a burst kept up from one address for many minutes never locks the account for others", async () => {
    const shared = limiters(3);
    for (let minute = 0; minute < 12; minute++) {
      for (let i = 0; i < 10; i++) {
        await verifyCredentials(
          db.prisma,
          { email: "staff@x.dev", password: "wrong" },
          { limiters: shared, now: () => clock, clientAddress: "6.6.6.6" },
        );
      }
      clock += 30_000;
      const other = await verifyCredentials(
        db.prisma,
        { email: "staff@x.dev", password: "right-password" },
        { limiters: shared, now: () => clock, clientAddress: "7.7.7.7" },
      );
      expect({ minute, ok: other.ok }).toEqual({ minute, ok: true });
      clock += 30_000;
    }
  });

  it("holds the per-account ceiling over many addresses, and says to wait minutes", async () => {
    const shared = limiters(3); // 30 per account per five minutes
    // At the start of a five-minute window, so the wait is nearly all of it.
    clock = Math.ceil(clock / 300_000) * 300_000 + 1_000;
    const outcomes = [];
    for (let i = 0; i < 32; i++) {
      outcomes.push(
        await verifyCredentials(
          db.prisma,
          { email: "staff@x.dev", password: "wrong" },
          { limiters: shared, now: () => clock, clientAddress: `10.0.0.${i}` },
        ),
      );
    }
    expect(outcomes.filter((o) => o.ok === false && o.error === "RATE_LIMITED")).toHaveLength(2);
    const last = outcomes.at(-1);
    expect(last && !last.ok && "retryAfterSeconds" in last ? last.retryAfterSeconds : 0).toBe(299);
    const fresh = await verifyCredentials(
      db.prisma,
      { email: "staff@x.dev", password: "right-password" },
      { limiters: shared, now: () => clock, clientAddress: "10.9.9.9" },
    );
    expect(fresh).toMatchObject({ ok: false, error: "RATE_LIMITED" });
  });

  it("bounds one address spraying many accounts", async () => {
    const shared = limiters(2); // 12 per address
    const outcomes = [];
    for (let i = 0; i < 14; i++) {
      outcomes.push(
        await verifyCredentials(
          db.prisma,
          { email: `user${i}@x.dev`, password: "x" },
          { limiters: shared, now: () => clock, clientAddress: "3.3.3.3" },
        ),
      );
    }
    expect(outcomes.filter((o) => !o.ok && o.error === "RATE_LIMITED")).toHaveLength(2);
  });
});
