import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client.server";
import { env } from "@/lib/env";
import { getRateLimiter, signInLimiter } from "@/lib/rate-limit/index.server";
import { ROLES, type SessionUser } from "./roles";
import { verifyCredentials } from "./verify-credentials.server";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded.length > 0) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real.length > 0 ? real : "local";
}

// One address may try several accounts (a shared office network), so its budget is wider than
// one account's; together they bound both guessing one password and spraying many accounts.
function signInAddressLimiter() {
  return getRateLimiter({
    prefix: "onepool:ratelimit:signin-address",
    tokens: env.SIGNIN_ATTEMPTS_PER_MINUTE * 6,
    windowSeconds: 60,
  });
}

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
          limiters: { account: signInLimiter(), address: signInAddressLimiter() },
          clientAddress: clientAddress(req.headers),
        });
        // next-auth passes a thrown message to the page as `error`; it is a code, never a detail.
        if (!outcome.ok) throw new Error(outcome.error);
        return outcome.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as SessionUser;
        token.sub = u.id;
        token.role = u.role;
        token.storeNodeId = u.storeNodeId;
      }
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
};
