import type { DefaultSession } from "next-auth";
import type { SessionUser } from "./roles";

declare module "next-auth" {
  interface Session {
    user?: Partial<SessionUser> & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
    storeNodeId?: string | null;
    /** The user's session version at sign-in; a token with an older one opens nothing. */
    sessionVersion?: number;
  }
}
