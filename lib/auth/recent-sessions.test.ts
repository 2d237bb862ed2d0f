import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "./roles";

// getSessionUser with next-auth's read and the request's cookies stubbed: what is counted is how
// often the session is really read.
const state = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  reads: 0,
  user: null as SessionUser | null,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
  }),
}));
vi.mock("next-auth", () => ({
  getServerSession: async () => {
    state.reads += 1;
    return state.user ? { user: state.user } : null;
  },
}));
vi.mock("./options.server", () => ({ authOptions: {} }));

const { getSessionUser } = await import("./session.server");
const { forgetSessionVersion, SESSION_VERSION_CACHE_MS } = await import("./session-version.server");
const { recentSessionUser, rememberSessionUser, sessionReadMark, forgetRecentSessions } =
  await import("./recent-sessions.server");

const LI: SessionUser = {
  id: "u-li",
  email: "li@x.dev",
  name: "Li Wei",
  role: "CONSUMER",
  storeNodeId: null,
};
const WANG: SessionUser = { ...LI, id: "u-wang", email: "wang@x.dev", name: "Wang Fang" };

describe("recent session reads", () => {
  beforeEach(() => {
    forgetRecentSessions(LI.id);
    forgetRecentSessions(WANG.id);
  });

  it("answers a cookie read less than the version cache's time ago, and not after", () => {
    rememberSessionUser("cookie-li", LI, sessionReadMark(), 1_000);
    expect(recentSessionUser("cookie-li", SESSION_VERSION_CACHE_MS, 1_000 + 4_999)).toEqual(LI);
    expect(recentSessionUser("cookie-li", SESSION_VERSION_CACHE_MS, 1_000 + 5_000)).toBeUndefined();
    expect(recentSessionUser("cookie-other", SESSION_VERSION_CACHE_MS, 1_000)).toBeUndefined();
  });

  it("forgets only the cookies of the user whose sessions ended", () => {
    rememberSessionUser("cookie-li", LI, sessionReadMark());
    rememberSessionUser("cookie-wang", WANG, sessionReadMark());
    forgetSessionVersion(LI.id);
    expect(recentSessionUser("cookie-li", SESSION_VERSION_CACHE_MS)).toBeUndefined();
    expect(recentSessionUser("cookie-wang", SESSION_VERSION_CACHE_MS)).toEqual(WANG);
  });

  it("does not remember a read that overlapped the end of someone's sessions", () => {
    const mark = sessionReadMark();
    forgetSessionVersion(LI.id);
    rememberSessionUser("cookie-li", LI, mark);
    expect(recentSessionUser("cookie-li", SESSION_VERSION_CACHE_MS)).toBeUndefined();
  });
});

describe("getSessionUser", () => {
  beforeEach(() => {
    forgetRecentSessions(LI.id);
    state.cookies.clear();
    state.reads = 0;
    state.user = LI;
  });

  it("reads a cookie once, then answers from memory until the user's sessions end", async () => {
    state.cookies.set("next-auth.session-token", "cookie-li");
    expect(await getSessionUser()).toEqual(LI);
    expect(await getSessionUser()).toEqual(LI);
    expect(state.reads).toBe(1);

    // Sign-out: the next read asks next-auth again, which now finds no session.
    forgetSessionVersion(LI.id);
    state.user = null;
    expect(await getSessionUser()).toBeNull();
    expect(await getSessionUser()).toBeNull();
    expect(state.reads).toBe(3);
  });

  it("never remembers a cookie that opened no session, nor a request without a cookie", async () => {
    state.user = null;
    state.cookies.set("__Secure-next-auth.session-token", "cookie-forged");
    await getSessionUser();
    await getSessionUser();
    state.cookies.clear();
    await getSessionUser();
    expect(state.reads).toBe(3);
  });

  it("keys on every session cookie sent, so another cookie beside it is another read", async () => {
    state.cookies.set("next-auth.session-token", "cookie-li");
    state.cookies.set("theme", "dark");
    await getSessionUser();
    state.cookies.set("__Secure-next-auth.session-token", "cookie-old");
    await getSessionUser();
    state.cookies.delete("next-auth.session-token");
    state.cookies.delete("__Secure-next-auth.session-token");
    state.cookies.set("next-auth.session-token.0", "cookie-li-part-1");
    state.cookies.set("next-auth.session-token.1", "cookie-li-part-2");
    await getSessionUser();
    await getSessionUser();
    expect(state.reads).toBe(3);
  });

  it("hands out a copy, so a caller cannot change what the next request sees", async () => {
    state.cookies.set("next-auth.session-token", "cookie-li");
    await getSessionUser();
    const user = await getSessionUser();
    user!.role = "ADMIN";
    expect((await getSessionUser())?.role).toBe("CONSUMER");
  });
});
