// Next's page cache (the default file-system cache) with one addition: every cached page carries
// its own Content-Security-Policy, and every serving of it gets a fresh nonce.
//
// Why: a nonce must be unpredictable per response, and Next writes it into the HTML when it
// renders, so its documented nonce set-up renders every page per request and gives up the cache.
// Here a cached page is still rendered once, for a real request whose nonce proxy.ts chose; only
// the scripts Next rendered carry that nonce (an injected script cannot know it in advance). When
// stored, the page keeps that policy; when served, the render's nonce is swapped for a fresh one
// in the HTML and in the policy, which costs one string replacement instead of a render.
//
// Loaded by Node at run time from next.config.ts's `cacheHandler`, outside the bundler: plain
// JavaScript. The pure functions are exported for the unit tests.
import { randomBytes } from "node:crypto";
import fileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";

// Node hands over the CommonJS exports object; bundler-style loaders (the tests) its default.
const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;
const CSP_HEADER = "content-security-policy";
const APP_PAGE = "APP_PAGE";
// Matches the nonces proxy.ts makes (base64url); anything else is not one of ours.
const NONCE_SOURCE = /'nonce-([A-Za-z0-9_-]{16,})'/;

/** The nonce of a policy's `'nonce-…'` source, or null. */
export function nonceOf(policy) {
  return typeof policy === "string" ? (NONCE_SOURCE.exec(policy)?.[1] ?? null) : null;
}

function freshNonce() {
  return randomBytes(16).toString("base64url");
}

/** A policy that lets no inline script run: for a page whose render had no nonce of ours. */
function withUnusableNonce(policy) {
  return policy.replace(NONCE_SOURCE, `'nonce-${freshNonce()}'`);
}

/**
 * Before a freshly rendered page is stored (and served: Next serves the same object), attaches
 * the policy of the request that rendered it. A render whose policy has no nonce of ours (a
 * build-time render) stores no policy; serving then refuses its inline scripts (see below).
 */
export function attachRenderPolicy(value, requestPolicy) {
  if (value?.kind !== APP_PAGE || typeof value.html !== "string") return;
  const nonce = nonceOf(requestPolicy);
  if (nonce === null || !value.html.includes(`nonce="${nonce}"`)) return;
  value.headers ??= {};
  value.headers[CSP_HEADER] = requestPolicy;
}

/**
 * A stored page as it is served this time: the render's nonce replaced by `nonce` everywhere in
 * the HTML and in its policy. The stored entry is shared by every request and never changed.
 * A stored page without a policy of ours gets one that no inline script satisfies.
 */
export function restampedPage(value, nonce, fallbackPolicy) {
  if (value?.kind !== APP_PAGE || typeof value.html !== "string") return value;
  const stored = value.headers?.[CSP_HEADER];
  const renderNonce = nonceOf(stored);
  if (renderNonce === null) {
    return { ...value, headers: { ...value.headers, [CSP_HEADER]: fallbackPolicy } };
  }
  return {
    ...value,
    html: value.html.replaceAll(renderNonce, nonce),
    headers: { ...value.headers, [CSP_HEADER]: stored.replaceAll(renderNonce, nonce) },
  };
}

function headerValue(value) {
  return Array.isArray(value) ? value[0] : value;
}

export default class CspCacheHandler extends FileSystemCache {
  constructor(options) {
    super(options);
    // Next makes one cache handler per request, with that request's headers (after proxy.ts).
    this.requestPolicy = headerValue(options?._requestHeaders?.[CSP_HEADER]);
  }

  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (entry?.value?.kind !== APP_PAGE) return entry;
    const fallback = withUnusableNonce(this.requestPolicy ?? "script-src 'self' 'nonce-none'");
    return { ...entry, value: restampedPage(entry.value, freshNonce(), fallback) };
  }

  async set(key, data, ctx) {
    attachRenderPolicy(data, this.requestPolicy);
    return super.set(key, data, ctx);
  }
}
