import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { forgetRecentSessions } from "./recent-sessions.server";

/**
 * How long a user's session version read from the database is reused by this process. Every
 * session read runs the JWT callback, so without it each page would cost a query; a change made
 * through this process (`endSessions`) forgets the entry at once, a change made by another
 * process (a script) is seen within this time.
 */
export const SESSION_VERSION_CACHE_MS = 5_000;

type Cached = { version: number | null; readAt: number };

// On globalThis: Next may load this module once per route bundle, and a sign-out handled by the
// auth route must be seen by the page that reads the session next.
const store = globalThis as typeof globalThis & { onepoolSessionVersions?: Map<string, Cached> };
const cache = (store.onepoolSessionVersions ??= new Map<string, Cached>());
const MAX_CACHED_USERS = 10_000;

/** The user's current session version, or null when the user no longer exists. */
export async function currentSessionVersion(
  db: Db,
  userId: string,
  now: number = Date.now(),
): Promise<number | null> {
  const cached = cache.get(userId);
  if (cached && now - cached.readAt < SESSION_VERSION_CACHE_MS) return cached.version;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  const version = user?.sessionVersion ?? null;
  if (cache.size >= MAX_CACHED_USERS) cache.clear();
  cache.set(userId, { version, readAt: now });
  return version;
}

/**
 * Forgets the cached version of `userId` and the sessions read with it, so the next session
 * read asks the database.
 */
export function forgetSessionVersion(userId: string): void {
  cache.delete(userId);
  forgetRecentSessions(userId);
}

/** True when a token carrying `tokenVersion` still opens a session for a user at `current`. */
export function isSessionCurrent(tokenVersion: unknown, current: number | null): boolean {
  return current !== null && tokenVersion === current;
}
