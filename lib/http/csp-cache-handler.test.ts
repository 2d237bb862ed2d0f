import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { afterAll, describe, expect, it } from "vitest";
import CspCacheHandler, {
  attachRenderPolicy,
  nonceOf,
  restampedPage,
  type CachedValue,
} from "./csp-cache-handler.mjs";
import { contentSecurityPolicy, createNonce } from "./security-headers";

const policyWith = (nonce: string) =>
  contentSecurityPolicy({ nonce, development: false, https: false });

/** A page as Next renders it with `nonce`, plus one script that was injected into its content. */
function renderedPage(nonce: string): CachedValue {
  return {
    kind: "APP_PAGE",
    html:
      `<html><head><script src="/_next/static/chunks/main.js" async="" nonce="${nonce}"></script></head>` +
      `<body><div><svg><script>alert(1)</script></svg></div>` +
      `<script nonce="${nonce}">self.__next_f.push([1,"x"])</script></body></html>`,
    rscData: "0:{}",
    headers: { "x-next-cache-tags": "catalogue" },
    status: 200,
  };
}

describe("attachRenderPolicy", () => {
  it("stores the policy of the request that rendered the page", () => {
    const nonce = createNonce();
    const page = renderedPage(nonce);
    attachRenderPolicy(page, policyWith(nonce));
    expect(page.headers?.["content-security-policy"]).toBe(policyWith(nonce));
    expect(page.headers?.["x-next-cache-tags"]).toBe("catalogue");
  });

  it("stores nothing for a render without our nonce (a build-time render)", () => {
    const page = renderedPage(createNonce());
    attachRenderPolicy(page, undefined);
    attachRenderPolicy(page, "script-src 'self' 'nonce-short'");
    attachRenderPolicy(page, policyWith(createNonce())); // not the nonce the HTML carries
    expect(page.headers?.["content-security-policy"]).toBeUndefined();
  });

  it("leaves cached data that is not a page alone", () => {
    const route: CachedValue = { kind: "APP_ROUTE", body: "{}", headers: {} };
    attachRenderPolicy(route, policyWith(createNonce()));
    expect(route.headers).toEqual({});
  });
});

describe("restampedPage", () => {
  it("serves the stored page with a fresh nonce in its scripts and its policy", () => {
    const renderNonce = createNonce();
    const stored = renderedPage(renderNonce);
    attachRenderPolicy(stored, policyWith(renderNonce));
    const storedHtml = stored.html;
    const fresh = createNonce();

    const served = restampedPage(stored, fresh, "unused");

    expect(served.headers?.["content-security-policy"]).toBe(policyWith(fresh));
    expect(nonceOf(served.headers?.["content-security-policy"])).toBe(fresh);
    const html = String(served.html);
    expect(html).not.toContain(renderNonce);
    expect(html.match(new RegExp(`nonce="${fresh}"`, "g"))).toHaveLength(2);
    // The injected script never had the render's nonce, so it does not get the fresh one either.
    expect(html).toContain("<svg><script>alert(1)</script></svg>");
    expect(served.rscData).toBe(stored.rscData);
    expect(served.headers?.["x-next-cache-tags"]).toBe("catalogue");
    // The stored entry is shared by every request: it is never changed.
    expect(stored.html).toBe(storedHtml);
    expect(stored.headers?.["content-security-policy"]).toBe(policyWith(renderNonce));
  });

  it("gives a stored page without a policy one that blocks its inline scripts", () => {
    const stored = renderedPage(createNonce());
    const blocking = policyWith(createNonce());
    const served = restampedPage(stored, createNonce(), blocking);
    expect(served.headers?.["content-security-policy"]).toBe(blocking);
    expect(served.html).toBe(stored.html);
  });
});

describe("CspCacheHandler", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "csp-cache-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handlerFor = (policy: string | undefined) =>
    new CspCacheHandler({
      fs: nodeFs,
      serverDistDir: dir,
      flushToDisk: false,
      maxMemoryCacheSize: 10 * 1024 * 1024,
      revalidatedTags: [],
      _requestHeaders: policy ? { "content-security-policy": policy } : {},
    });
  const ctx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false };

  it("stores a page with its render's policy and serves every request a new nonce", async () => {
    const renderNonce = createNonce();
    const page = renderedPage(renderNonce);
    await handlerFor(policyWith(renderNonce)).set("/en/products/RN-101", page, {
      ...ctx,
      cacheControl: { revalidate: 10, expire: undefined },
    });
    // The freshly rendered response is the same object: it carries the render's policy.
    expect(page.headers?.["content-security-policy"]).toBe(policyWith(renderNonce));

    const first = await handlerFor(policyWith(createNonce())).get("/en/products/RN-101", ctx);
    const second = await handlerFor(undefined).get("/en/products/RN-101", ctx);
    const nonces = [first, second].map((entry) =>
      nonceOf(entry?.value?.headers?.["content-security-policy"]),
    );
    expect(nonces[0]).not.toBeNull();
    expect(new Set([renderNonce, ...nonces]).size).toBe(3);
    for (const [i, entry] of [first, second].entries())
      expect(String(entry?.value?.html)).toContain(`nonce="${nonces[i]}"`);
  });
});
