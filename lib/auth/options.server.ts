import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client.server";
import { env } from "@/lib/env";
import { getRateLimiter } from "@/lib/rate-limit/index.server";
import { endSessions } from "./end-sessions.server";
import { ROLES, type SessionUser } from "./roles";
import { currentSessionVersion, isSessionCurrent } from "./session-version.server";
import { signInLimitConfigs } from "./sign-in-limits";
import { signInErrorText } from "./validation";
import { verifyCredentials } from "./verify-credentials.server";

/**
 * The client's address. The front server (lib/http/front-server.ts) overwrites
 * `X-Forwarded-For` with the one address it decided (the socket's peer, or what a trusted proxy
 * reports), so the value here is never the client's own claim.
 */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" && forwarded.length > 0 ? forwarded : "unknown";
}

function signInLimiters() {
  const configs = signInLimitConfigs(env.SIGNIN_ATTEMPTS_PER_MINUTE);
  return {
    pair: getRateLimiter(configs.pair),
    address: getRateLimiter(configs.address),
    account: getRateLimiter(configs.account),
  };
}

/** Thrown by the JWT callback for a token whose sessions were ended; next-auth then drops it. */
export const SESSION_ENDED = "SESSION_ENDED";

/** next-auth configuration: credentials sign-in, JWT sessions carrying the role and store. */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const outcome = await verifyCredentials(await getDb(), credentials, {
          limiters: signInLimiters(),
          clientAddress: clientAddress(req.headers),
        });
        // next-auth passes a thrown message to the page as `error`; it is a code, never a detail.
        if (!outcome.ok) throw new Error(signInErrorText(outcome));
        return { ...outcome.user, sessionVersion: outcome.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as SessionUser & { sessionVersion: number };
        token.sub = u.id;
        token.role = u.role;
        token.storeNodeId = u.storeNodeId;
        token.sessionVersion = u.sessionVersion;
        return token;
      }
      // A token outlives sign-out in the browser that copied it: it opens a session only while
      // the user's session version is the one it was issued with.
      const current = token.sub ? await currentSessionVersion(await getDb(), token.sub) : null;
      if (!isSessionCurrent(token.sessionVersion, current)) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      const role = ROLES.find((r) => r === token.role);
      if (session.user && token.sub && role) {
        session.user = {
          id: token.sub,
          email: session.user.email ?? "",
          name: session.user.name ?? "",
          role,
          storeNodeId: typeof token.storeNodeId === "string" ? token.storeNodeId : null,
        };
      }
      return session;
    },
  },
  events: {
    // Signing out ends the user's sessions on the server, so a copy of the cookie stops working.
    async signOut({ token }) {
      if (token?.sub) await endSessions(await getDb(), token.sub);
    },
  },
  logger: {
    // An ended session is expected (the cookie is then cleared), not an error worth a stack trace.
    error(code, metadata) {
      const message =
        metadata instanceof Error ? metadata.message : (metadata as { message?: unknown })?.message;
      if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
