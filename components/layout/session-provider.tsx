"use client";

import { SessionProvider } from "next-auth/react";

/** Lets cached pages show who is signed in: the header reads the session in the browser. */
export function ClientSessionProvider({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
