"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { parseSignedInUser, type SignedInUser } from "@/lib/auth/signed-in-user";

/** `undefined` while loading, `null` when nobody is signed in. */
export type SignedInState = SignedInUser | null | undefined;

async function fetchSignedInUser(signal: AbortSignal): Promise<SignedInUser | null> {
  const response = await fetch("/api/auth/session", { cache: "no-store", signal });
  return response.ok ? parseSignedInUser(await response.json()) : null;
}

/**
 * Who is signed in, read from the session endpoint in the browser so that pages around the
 * header can be cached for everyone. Read again on navigation: signing in ends with one.
 * next-auth's own client (its provider and hook) is not used here; it weighed 40 KB of script
 * on every page for the same answer.
 */
export function useSignedInUser(): SignedInState {
  const [user, setUser] = useState<SignedInState>(undefined);
  const pathname = usePathname();
  useEffect(() => {
    const controller = new AbortController();
    fetchSignedInUser(controller.signal).then(setUser, () => {
      if (!controller.signal.aborted) setUser(null);
    });
    return () => controller.abort();
  }, [pathname]);
  return user;
}
