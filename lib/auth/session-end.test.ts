import bcrypt from "bcryptjs";
import type { JWT } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The real next-auth callbacks and events of `authOptions`, on a real database.
const state = vi.hoisted(() => ({ prisma: undefined as unknown }));
vi.mock("@/lib/db/client.server", () => ({ getDb: async () => state.prisma }));

const { authOptions, SESSION_ENDED } = await import("./options.server");
const { changePassword, changeRole } = await import("./change-credentials.server");
const { endSessions } = await import("./end-sessions.server");

const jwtCallback = authOptions.callbacks!.jwt!;
const signOutEvent = authOptions.events!.signOut!;

describe("ending sessions", () => {
  const db = useMigratedDatabase("pglite");
  let prisma: PrismaClient;
  let userId: string;

  beforeAll(async () => {
    prisma = db();
    state.prisma = prisma;
    const user = await prisma.user.create({
      data: {
        email: "li@x.dev",
        name: "Li Wei",
        role: "CONSUMER",
        passwordHash: await bcrypt.hash("old-password", 4),
      },
    });
    userId = user.id;
  });

  /** A token as the sign-in step issues it, for the user's current session version. */
  async function signInToken(): Promise<JWT> {
    const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const user = {
      id: userId,
      email: "li@x.dev",
      name: "Li Wei",
      role: "CONSUMER",
      storeNodeId: null,
      sessionVersion,
    };
    return jwtCallback({ token: { sub: userId }, user, account: null } as never);
  }

  /** The JWT callback as every session read runs it: the token, or the refusal's message. */
  async function read(token: JWT): Promise<JWT | string> {
    try {
      return await jwtCallback({ token } as never);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  it("keeps a current token's session, reading the version once per few seconds", async () => {
    const token = await signInToken();
    expect(token).toMatchObject({ sub: userId, role: "CONSUMER", sessionVersion: 0 });
    const query = vi.spyOn(prisma.user, "findUnique");
    expect(await read(token)).toMatchObject({ sub: userId, role: "CONSUMER" });
    expect(await read(token)).toMatchObject({ sub: userId });
    expect(query.mock.calls.length).toBeLessThanOrEqual(1);
    query.mockRestore();
  });

  it("signing out ends that token and every other copy at once, and a new sign-in works", async () => {
    const token = await signInToken();
    const copy = { ...token };
    expect(await read(copy)).toMatchObject({ sub: userId });
    await signOutEvent({ token } as never);
    expect(await read(token)).toBe(SESSION_ENDED);
    expect(await read(copy)).toBe(SESSION_ENDED);
    expect(await read(await signInToken())).toMatchObject({ sub: userId });
  });

  it("a token from before a password change opens nothing", async () => {
    const token = await signInToken();
    await changePassword(prisma, { userId, password: "new-password-1" });
    expect(await read(token)).toBe(SESSION_ENDED);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await bcrypt.compare("new-password-1", user.passwordHash)).toBe(true);
  });

  it("a token carrying the old role opens nothing after a role change", async () => {
    const token = await signInToken();
    await changeRole(prisma, { userId, role: "EMPLOYEE", storeNodeId: null });
    expect(await read(token)).toBe(SESSION_ENDED);
    expect(await read(await signInToken())).toMatchObject({ sub: userId });
  });

  it("a refused change changes nothing and keeps the sessions", async () => {
    const token = await signInToken();
    const before = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    await expect(changePassword(prisma, { userId, password: "short" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      changeRole(prisma, { userId, role: "KING", storeNodeId: null }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toEqual(before);
    expect(await read(token)).toMatchObject({ sub: userId });
  });

  it("refuses tokens without a version, with a stale version, or of a deleted user", async () => {
    const token = await signInToken();
    expect(await read({ sub: userId, role: "CONSUMER" })).toBe(SESSION_ENDED);
    expect(await read({ ...token, sessionVersion: Number(token.sessionVersion) - 1 })).toBe(
      SESSION_ENDED,
    );
    expect(await read({ ...token, sub: "no-such-user" })).toBe(SESSION_ENDED);
    expect(await endSessions(prisma, "no-such-user")).toBeNull();
  });

  it("next-auth's session read gives no session for an ended token, and drops the cookie", async () => {
    const { encode } = await import("next-auth/jwt");
    const { getServerSession } = await import("next-auth/next");
    const secret = "a-test-secret-of-enough-length";
    const token = await signInToken();
    const cookie = await encode({ token, secret });
    const sessionOf = async () => {
      const setCookies: string[] = [];
      const req = { headers: {}, cookies: { "next-auth.session-token": cookie } };
      const res = {
        getHeader: () => setCookies,
        setHeader: (_name: string, value: string[]) => setCookies.splice(0, Infinity, ...value),
      };
      const session = await getServerSession(req as never, res as never, {
        ...authOptions,
        secret,
      });
      return { session, setCookies };
    };
    expect((await sessionOf()).session).toMatchObject({ user: { id: userId, role: "CONSUMER" } });
    await signOutEvent({ token } as never);
    const ended = await sessionOf();
    expect(ended.session).toBeNull();
    expect(ended.setCookies.some((c) => /^next-auth\.session-token=;/.test(c))).toBe(true);
  });
});
