/** The cookies a browser would keep, as one Cookie header value. */
export type CookieJar = Map<string, string>;

export function cookieHeader(jar: CookieJar): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** Keeps the cookies a response sets (a cleared cookie is removed). */
export function keepCookies(jar: CookieJar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/** The error code of a credentials sign-in, from the URL next-auth answers with; null on success. */
export function signInError(url: string): string | null {
  return new URL(url, "http://x").searchParams.get("error");
}

/**
 * Signs in with email and password exactly as the sign-in page does (next-auth's CSRF token,
 * then the credentials callback), keeping the session cookie in `jar`. Returns the error code,
 * or null once signed in.
 */
export async function signInOverHttp(
  baseUrl: string,
  jar: CookieJar,
  credentials: { email: string; password: string },
): Promise<string | null> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ ...credentials, csrfToken, callbackUrl: "/", json: "true" }),
  });
  keepCookies(jar, response);
  const url = response.headers.get("location") ?? ((await response.json()) as { url: string }).url;
  return signInError(url);
}

/** Who the session cookie in `jar` signs in, as `baseUrl` sees it; null when nobody. */
export async function sessionEmail(baseUrl: string, jar: CookieJar): Promise<string | null> {
  const response = await fetch(`${baseUrl}/api/auth/session`, {
    headers: { cookie: cookieHeader(jar) },
  });
  const session = (await response.json()) as { user?: { email?: string } } | null;
  return session?.user?.email ?? null;
}
