import { beforeAll, describe, expect, it, vi } from "vitest";
import { stockFeedSchema } from "@/lib/channel-orders/channel-api-schemas";
import type { SessionUser } from "@/lib/auth/roles";
import type { FieldErrors } from "@/lib/errors/field-problem";
import { hashToken } from "@/lib/feed/feed-token";
import { createFeedWorld } from "@/lib/feed/feed-test-support";
import { publishFeed } from "@/lib/feed/publish-feed.server";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { World } from "@/lib/reservations/test-world";

// The handlers run as Next would call them; only the session and the database are swapped in.
const harness = vi.hoisted(() => ({
  user: null as SessionUser | null,
  prisma: undefined as PrismaClient | undefined,
}));
vi.mock("@/lib/auth/session.server", () => ({ getSessionUser: async () => harness.user }));
vi.mock("@/lib/db/client.server", () => ({
  getDb: async () => {
    if (!harness.prisma) throw new Error("database not open");
    return harness.prisma;
  },
}));

const { GET: getStock } = await import("./route");
const { GET: getStream } = await import("./stream/route");

const admin: SessionUser = { id: "u1", email: "a@x", name: "A", role: "ADMIN", storeNodeId: null };
const staff: SessionUser = {
  id: "u2",
  email: "s@x",
  name: "S",
  role: "STORE_STAFF",
  storeNodeId: "n",
};

function call(handler: typeof getStock, code: string, query = "", init: RequestInit = {}) {
  const request = new Request(`http://test/api/channels/${code}/stock${query}`, init);
  return handler(request, { params: Promise.resolve({ code }) });
}
const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

describe("GET /api/channels/[code]/stock", () => {
  const db = useMigratedDatabase("pglite");
  let w: World;
  beforeAll(async () => {
    harness.prisma = db();
    w = await createFeedWorld(db());
    for (const key of ["web", "jd"]) {
      await db().channel.update({
        where: { id: w.channel(key) },
        data: { feedTokenHash: hashToken(`token-${key}`) },
      });
    }
    await publishFeed(db());
  });

  it.each([
    ["no credentials", null, {}, 401, "UNAUTHENTICATED"],
    ["a non-admin session", staff, {}, 403, "FORBIDDEN"],
    ["an unknown token", null, bearer("nobody's"), 401, "UNAUTHENTICATED"],
  ] as const)("refuses %s", async (_label, user, init, status, code) => {
    harness.user = user;
    const response = await call(getStock, w.channel("web"), "", init);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it("refuses another channel's token with 403", async () => {
    harness.user = null;
    const response = await call(getStock, w.channel("web"), "", bearer("token-jd"));
    expect(response.status).toBe(403);
  });

  it.each([
    ["an admin", admin, {}],
    ["a valid token", null, bearer("token-jd")],
  ] as const)("answers 404 for an unknown channel to %s", async (_label, user, init) => {
    harness.user = user;
    const response = await call(getStock, "NOPE", "", init);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it.each(["-1", "abc", "1.5", "", "99999999999", "2147483648"])(
    "refuses since=%j with 400 and a field error",
    async (since) => {
      harness.user = admin;
      const response = await call(getStock, w.channel("web"), `?since=${since}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { fieldErrors: FieldErrors } };
      expect(body.error.fieldErrors.since?.length).toBeGreaterThan(0);
    },
  );

  it("serves the channel's own token a snapshot, then the changes since its cursor", async () => {
    harness.user = null;
    const snapshot = await call(getStock, w.channel("jd"), "", bearer("token-jd"));
    expect(snapshot.status).toBe(200);
    const body = (await snapshot.json()) as {
      channel: string;
      cursor: number;
      items: { skuCode: string; ats: number }[];
    };
    expect(body.channel).toBe(w.channel("jd"));
    expect(body.items.find((i) => i.skuCode === w.sku("cap"))?.ats).toBe(3);
    // Both answers are what the OpenAPI document says they are.
    expect(stockFeedSchema.safeParse(body).error?.issues ?? []).toEqual([]);

    const page = await call(getStock, w.channel("jd"), "?since=0&limit=1", bearer("token-jd"));
    expect(page.status).toBe(200);
    const pageBody: unknown = await page.json();
    expect(stockFeedSchema.safeParse(pageBody).error?.issues ?? []).toEqual([]);
    expect(pageBody).toMatchObject({
      channel: w.channel("jd"),
      hasMore: true,
      events: [{ cause: "rebuild" }],
    });
  });

  it("ignores a ?code= that tries to point at another channel", async () => {
    harness.user = null;
    const response = await call(
      getStock,
      w.channel("jd"),
      `?code=${w.channel("web")}`,
      bearer("token-jd"),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ channel: w.channel("jd") });
  });

  describe("stream", () => {
    it("refuses without credentials and for an unknown channel", async () => {
      harness.user = null;
      expect((await call(getStream, w.channel("web"))).status).toBe(401);
      harness.user = admin;
      expect((await call(getStream, "NOPE")).status).toBe(404);
      expect((await call(getStream, w.channel("web"), "?since=x")).status).toBe(400);
    });

    it("streams events after Last-Event-ID and ends when the client leaves", async () => {
      harness.user = null;
      const all = (await (
        await call(getStock, w.channel("web"), "?since=0", bearer("token-web"))
      ).json()) as { events: { id: number }[] };
      const [first, ...rest] = all.events;
      const client = new AbortController();
      const response = await call(getStream, w.channel("web"), "?since=0", {
        headers: { authorization: "Bearer token-web", "last-event-id": String(first?.id) },
        signal: client.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      const reader = response.body!.getReader();
      let text = "";
      while (!text.includes(`id: ${rest.at(-1)?.id}\n`)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += new TextDecoder().decode(chunk.value);
      }
      const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
      expect(ids).toEqual(rest.map((e) => e.id));
      client.abort();
      await expect(reader.read()).resolves.toMatchObject({ done: true });
    });
  });
});
