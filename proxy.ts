import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { isCachedCataloguePage } from "@/lib/catalogue/cached-page-path";
import { env } from "@/lib/env";
import {
  contentSecurityPolicy,
  createNonce,
  CSP_HEADER,
  servesOverHttps,
} from "@/lib/http/security-headers";

const development = env.NODE_ENV === "development";
/**
 * Next's own error pages, reachable by their paths. They are rendered at build time, so their
 * scripts carry no nonce (the page would not run) and the cached copy brings a second policy.
 * They are answered as any unknown path is: the localized 404, rendered for this request.
 */
const BUILT_ERROR_PAGES = new Set(["/_not-found", "/_global-error"]);
const https = servesOverHttps(env.NEXTAUTH_URL);

/**
 * Gives every page request a fresh nonce: Next reads it from the request's policy and puts it on
 * the scripts it renders. The response carries the same policy, except for pages served from
 * Next's page cache: those carry the policy stored with the page, re-nonced on every serving
 * (lib/http/csp-cache-handler.mjs), and a second policy here would block their scripts. Under
 * `next dev` nothing is cached, so every page gets this policy.
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: createNonce(), development, https });
  // Always overwritten: a policy sent by the client must never choose the nonce of a render.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(`${CSP_HEADER}-report-only`);
  requestHeaders.set(CSP_HEADER, policy);
  const { pathname, searchParams } = request.nextUrl;
  if (BUILT_ERROR_PAGES.has(pathname)) {
    const locale = pickLocale(
      request.cookies.get(LOCALE_COOKIE)?.value,
      request.headers.get("accept-language"),
    );
    const url = new URL(`/${locale}${pathname}`, request.url);
    const rewritten = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
    rewritten.headers.set(CSP_HEADER, policy);
    return rewritten;
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (development || !isCachedCataloguePage(pathname, searchParams)) {
    response.headers.set(CSP_HEADER, policy);
  }
  return response;
}

export const config = {
  // API answers and build assets get their headers from next.config.ts and need no nonce.
  matcher: ["/((?!api/|_next/).*)"],
};
