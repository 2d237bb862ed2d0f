import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./support";

// Security headers on every kind of response, and pages that work under their
// Content-Security-Policy: no violation, no console error, and React hydrated (a client control
// acts). Cached catalogue pages are opened twice, so one of the visits is served from the cache.

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(self), payment=(), usb=()",
};

type HeaderList = { name: string; value: string }[];

/** Each header's values, by lower-case name (a header sent twice has two values). */
function byName(list: HeaderList): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { name, value } of list)
    map.set(name.toLowerCase(), [...(map.get(name.toLowerCase()) ?? []), value]);
  return map;
}

function expectCommonHeaders(headers: Map<string, string[]>) {
  for (const [name, value] of Object.entries(COMMON))
    expect(headers.get(name), name).toEqual([value]);
  // Served over plain http in tests: no HSTS (it would pin browsers to an https that is not there).
  expect(headers.get("strict-transport-security")).toBeUndefined();
}

/** The page's policy: exactly one (two would both be enforced), nonce-based, no inline or eval. */
function expectPagePolicy(headers: Map<string, string[]>): string {
  const policies = headers.get("content-security-policy") ?? [];
  expect(policies).toHaveLength(1);
  const policy = policies[0]!;
  const scriptSrc = policy.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc.trim()).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9_-]{22}'$/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  return /'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? "";
}

test("every kind of response carries the security headers", async ({ page, request }) => {
  const home = await page.goto("/");
  expect(home?.status()).toBe(200);
  const homeHeaders = byName(await home!.headersArray());
  expectCommonHeaders(homeHeaders);
  expectPagePolicy(homeHeaders);

  const product = await request.get("/products/RN-101");
  expect(product.status()).toBe(200);
  const productHeaders = byName(product.headersArray());
  expectCommonHeaders(productHeaders);
  const nonce = expectPagePolicy(productHeaders);
  // Next put the response's nonce on its scripts; nothing else carries one.
  const html = await product.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html.match(/<script(?![^>]*nonce=)[^>]*>/g) ?? []).toEqual([]);

  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectCommonHeaders(byName(missing.headersArray()));
  expectPagePolicy(byName(missing.headersArray()));

  // Next's own error pages by their paths: the same localized 404, its scripts nonced.
  for (const path of ["/_not-found", "/_global-error"]) {
    const internal = await request.get(path);
    expect(internal.status(), path).toBe(404);
    expectCommonHeaders(byName(internal.headersArray()));
    const internalNonce = expectPagePolicy(byName(internal.headersArray()));
    const internalHtml = await internal.text();
    expect(internalHtml).toContain(`nonce="${internalNonce}"`);
    expect(internalHtml.match(/<script(?![^>]*nonce=)[^>]*>/g) ?? []).toEqual([]);
  }

  const api = await request.get("/api/cart/count");
  expect(api.status()).toBe(200);
  expectCommonHeaders(byName(api.headersArray()));
  expect(api.headers()["cache-control"]).toBe("private, no-store");
  expect(api.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  );

  const feed = await request.get("/api/channels/WEB/stock");
  expect(feed.status()).toBe(401);
  expect(feed.headers()["cache-control"]).toBe("private, no-store");

  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script).toBeDefined();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expectCommonHeaders(byName(asset.headersArray()));
  expect(asset.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("a cached page gets a fresh nonce every time it is served", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get("/shop/running-shoes");
    const nonce = expectPagePolicy(byName(response.headersArray()));
    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(3);
});

/** Records console messages and policy violations of every page the test opens. */
async function watchPolicy(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (["error", "warning"].includes(message.type()))
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} on ${location.pathname}`,
      );
    });
  });
  return problems;
}

test("the shop works under its policy, anonymous and signed in", async ({ page }) => {
  const problems = await watchPolicy(page);

  // Cached home, twice (the second visit comes from the page cache); the language switch is a
  // client control that only works once React has hydrated.
  await page.goto("/");
  await page.goto("/");
  await page.getByLabel("Language").selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "按品类选购" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();

  // Cached product page, then its per-request twin, where adding to the cart is a client action.
  await page.goto("/products/RN-101");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(async () => {
    await page.goto("/products/RN-101?colour=Black&size=42");
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status")).toContainText("in your cart");

  await page.goto("/cart");
  await expect(page.getByRole("button", { name: /^Remove / }).first()).toBeEnabled();

  await signIn(page, ACCOUNTS.consumer);
  await page.goto("/account");
  await expect(page.getByTestId("signed-in-as")).toHaveText(ACCOUNTS.consumer.name);
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  expect(problems).toEqual([]);
});
