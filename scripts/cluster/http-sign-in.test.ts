import { describe, expect, it } from "vitest";
import { cookieHeader, keepCookies, signInError, type CookieJar } from "./http-sign-in";

function withCookies(...lines: string[]): Response {
  const headers = new Headers();
  for (const line of lines) headers.append("set-cookie", line);
  return new Response(null, { headers });
}

describe("signing in over HTTP as a browser does", () => {
  it("keeps the cookies a response sets and drops the cleared ones", () => {
    const jar: CookieJar = new Map([["old", "1"]]);
    keepCookies(
      jar,
      withCookies(
        "next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax",
        "next-auth.session-token=jwt.value=; Path=/; HttpOnly",
        "old=; Path=/; Max-Age=0",
      ),
    );
    expect(cookieHeader(jar)).toBe(
      "next-auth.csrf-token=abc%7Cdef; next-auth.session-token=jwt.value=",
    );
  });

  it("reads next-auth's error code from the URL it answers with", () => {
    expect(signInError("http://127.0.0.1:3201/signin?error=RATE_LIMITED%3A19")).toBe(
      "RATE_LIMITED:19",
    );
    expect(signInError("/signin?error=INVALID_CREDENTIALS")).toBe("INVALID_CREDENTIALS");
    expect(signInError("http://127.0.0.1:3201/")).toBeNull();
  });
});
