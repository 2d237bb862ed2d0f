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

test("a new X-Forwarded-For on every try does not escape the sign-in limit", async ({
  request,
}) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  // The end-to-end server allows 20 attempts per minute per account and address.
  const errors: string[] = [];
  for (let i = 1; i <= 22; i += 1) {
    const response = await request.post("/api/auth/callback/credentials", {
      form: {
        csrfToken,
        email: "sprayed@onepool.dev",
        password: `guess-${i}`,
        json: "true",
      },
      headers: { "X-Forwarded-For": `203.0.113.${i}` },
    });
    const { url } = (await response.json()) as { url: string };
    errors.push(new URL(url).searchParams.get("error") ?? "");
  }
  expect(errors.slice(0, 20).every((error) => error === "INVALID_CREDENTIALS")).toBe(true);
  expect(errors.slice(20)).toEqual([
    expect.stringMatching(/^RATE_LIMITED:\d+$/),
    expect.stringMatching(/^RATE_LIMITED:\d+$/),
  ]);
});

test("the sign-in page says when to try again once the limit is reached", async ({ page }) => {
  const email = "limited@onepool.dev";
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  for (let i = 1; i <= 20; i += 1) {
    await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: `guess-${i}`, json: "true" },
    });
  }
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("one-more-guess");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(
    /^Too many sign-in attempts\. Try again in \d+ seconds?\.$/,
  );
});
