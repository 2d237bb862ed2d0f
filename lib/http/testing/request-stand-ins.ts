import type { SessionUser } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// What a server action reads of its request, stood in for tests that call the actions as the
// browser does (the wrapper, validation, role checks and use cases stay real):
//   vi.mock("next/headers", async () => (await import(STAND_INS)).nextHeaders);
//   vi.mock("@/lib/auth/session.server", async () => (await import(STAND_INS)).session);
//   vi.mock("@/lib/db/client.server", async () => (await import(STAND_INS)).dbClient);
// where STAND_INS is this file's "@/lib/http/testing/request-stand-ins" (vi.mock is hoisted
// above the file's constants, so the path is written out in each call).

/** The request every stand-in reads: who is signed in, the cookie jar, the database. */
export const request = {
  user: null as SessionUser | null,
  jar: new Map<string, string>(),
  prisma: null as PrismaClient | null,
};

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) =>
      request.jar.has(name) ? { name, value: request.jar.get(name)! } : undefined,
    set: (name: string, value: string) => void request.jar.set(name, value),
    delete: (name: string) => void request.jar.delete(name),
  }),
  headers: async () => new Headers({ host: "127.0.0.1:3000" }),
};

export const session = { getSessionUser: async () => request.user };

export const dbClient = { getDb: async () => request.prisma };
