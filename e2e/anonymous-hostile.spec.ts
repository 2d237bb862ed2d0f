import { expect, test, type APIRequestContext } from "@playwright/test";

// Requests no browser sends: each must be answered 4xx, never 500.

test("a path whose percent-escapes do not decode is answered 400, not 500", async ({ request }) => {
  for (const path of ["/%C0%AF", "/products/%FF", "/shop/%E0%A4%A"]) {
    const response = await request.get(path);
    expect({ path, status: response.status() }).toEqual({ path, status: 400 });
  }
});

/** The id of a real server action (the language switch), read from the page's scripts. */
async function someActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
  for (const script of scripts) {
    const source = await (await request.get(script)).text();
    const id = /createServerReference\)\("([0-9a-f]{40,})"/.exec(source)?.[1];
    if (id) return id;
  }
  throw new Error("no server action found in the home page's scripts");
}

test("a server action call with a junk, huge or foreign request is answered 4xx", async ({
  request,
  baseURL,
}) => {
  const action = await someActionId(request);
  const call = (body: string | Buffer, headers: Record<string, string> = {}) =>
    request.post("/", {
      data: body,
      headers: {
        "Next-Action": action,
        "Content-Type": "text/plain;charset=UTF-8",
        Origin: baseURL!,
        ...headers,
      },
    });
  // The well-formed call is served (the action refuses the locale, with a typed result).
  expect((await call('["xx"]')).status()).toBe(200);
  expect((await call("junk{")).status()).toBe(400);
  expect((await call('["$Q1"]')).status()).toBe(400);
  expect(
    (await call("garbage", { "Content-Type": "multipart/form-data; boundary=x" })).status(),
  ).toBe(400);
  expect((await call(Buffer.alloc(2 * 1024 * 1024, "a"))).status()).toBe(413);
  expect((await call('["en"]', { Origin: "https://elsewhere.example" })).status()).toBe(403);
  expect((await call('["en"]', { Origin: "null" })).status()).toBe(403);
});

// The limit is a sliding window over fixed one-minute windows: a burst that straddles a window
// boundary is weighed partly in the older window, so the first refusal can come a little after
// the 21st attempt. The tests try until the limit answers, within a bound no loophole meets.
const LIMIT = 20; // the end-to-end server's SIGNIN_ATTEMPTS_PER_MINUTE
const MAX_TRIES = 2 * LIMIT;
const RATE_LIMITED = /^RATE_LIMITED:\d+$/;

async function credentialsError(
  request: APIRequestContext,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { ...form, json: "true" },
    headers,
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error") ?? "";
}

test("a new X-Forwarded-For on every try does not escape the sign-in limit", async ({
  request,
}) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const errors: string[] = [];
  for (let i = 1; i <= MAX_TRIES && !RATE_LIMITED.test(errors.at(-1) ?? ""); i += 1) {
    errors.push(
      await credentialsError(
        request,
        { csrfToken, email: "sprayed@onepool.dev", password: `guess-${i}` },
        { "X-Forwarded-For": `203.0.113.${i}` },
      ),
    );
  }
  // Were the header believed, every try would come from a new address and none would be refused.
  expect(errors.at(-1)).toMatch(RATE_LIMITED);
  expect(errors.length).toBeGreaterThan(LIMIT);
  expect(errors.slice(0, -1).every((error) => error === "INVALID_CREDENTIALS")).toBe(true);
});

test("the sign-in page says when to try again once the limit is reached", async ({ page }) => {
  const email = "limited@onepool.dev";
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  for (let i = 1; i <= LIMIT; i += 1) {
    await credentialsError(page.request, { csrfToken, email, password: `guess-${i}` });
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  const error = page.getByTestId("signin-error");
  // Each try from the page is counted too, so the limit answers within a few.
  await expect(async () => {
    await page.getByLabel("Password").fill("one-more-guess");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(error).toHaveText(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/, {
      timeout: 3_000,
    });
  }).toPass({ timeout: 45_000 });
});
