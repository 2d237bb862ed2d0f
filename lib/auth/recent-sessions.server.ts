import "server-only";
import type { SessionUser } from "./roles";

/**
 * The users this process found behind a session cookie in the last few seconds. Reading a
 * session decrypts the cookie, checks the session version and encrypts a fresh cookie that a
 * page or action cannot send anyway; a shopper pressing a button many times a second pays that
 * each time. An entry lives no longer than a cached session version
 * (`SESSION_VERSION_CACHE_MS`), and ending a user's sessions forgets the user's entries at once,
 * so a sign-out or a changed role is seen exactly as soon as before.
 */
type Recent = { user: SessionUser; readAt: number };

// On globalThis for the same reason as the session versions: one map per process, not per bundle.
const store = globalThis as typeof globalThis & {
  onepoolRecentSessions?: { entries: Map<string, Recent>; forgets: number };
};
const state = (store.onepoolRecentSessions ??= { entries: new Map<string, Recent>(), forgets: 0 });
const recent = state.entries;
const MAX_RECENT = 10_000;

/** The user read behind `cookie` less than `maxAgeMs` ago, or undefined. */
export function recentSessionUser(
  cookie: string,
  maxAgeMs: number,
  now: number = Date.now(),
): SessionUser | undefined {
  const hit = recent.get(cookie);
  if (!hit) return undefined;
  if (now - hit.readAt < maxAgeMs) return { ...hit.user };
  recent.delete(cookie);
  return undefined;
}

/** A mark taken before a session read, so a read that overlapped a forget is not remembered. */
export function sessionReadMark(): number {
  return state.forgets;
}

/**
 * Remembers that `cookie` opened a session for `user` (only ever a signed-in user), unless some
 * user's sessions were ended since `mark`: that read may have seen the version before the end.
 */
export function rememberSessionUser(
  cookie: string,
  user: SessionUser,
  mark: number,
  now: number = Date.now(),
): void {
  if (mark !== state.forgets) return;
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(cookie, { user, readAt: now });
}

/** Forgets every remembered cookie of `userId`. */
export function forgetRecentSessions(userId: string): void {
  state.forgets += 1;
  for (const [cookie, entry] of recent) if (entry.user.id === userId) recent.delete(cookie);
}
