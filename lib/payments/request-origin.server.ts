import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The site's public origin, for addresses a payment provider sends the shopper back to. */
export async function requestOrigin(): Promise<string> {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? `127.0.0.1:${env.PORT}`;
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
