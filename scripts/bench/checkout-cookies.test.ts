import { describe, expect, it } from "vitest";
import { CookieJar } from "./checkout-cookies";

describe("CookieJar", () => {
  it("sends back what Set-Cookie stored, without the attributes", () => {
    const jar = new CookieJar();
    expect(jar.header()).toBeUndefined();
    jar.store([
      "next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax",
      "next-auth.callback-url=http%3A%2F%2F127.0.0.1; Path=/",
    ]);
    expect(jar.header()).toBe(
      "next-auth.csrf-token=abc%7Cdef; next-auth.callback-url=http%3A%2F%2F127.0.0.1",
    );
  });

  it("replaces a cookie set again and keeps '=' inside values", () => {
    const jar = new CookieJar();
    jar.store(["session=a.b=c; Path=/"]);
    jar.store(["session=d.e==; Path=/"]);
    expect(jar.header()).toBe("session=d.e==");
  });

  it("removes a cookie cleared by Max-Age, a past Expires or an empty value", () => {
    const jar = new CookieJar();
    jar.store(["a=1", "b=2", "c=3", "d=4"]);
    const now = Date.parse("2026-01-01T00:00:00Z");
    jar.store(
      [
        "a=; Path=/",
        "b=gone; Max-Age=0",
        "c=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "d=5; Expires=Fri, 01 Jan 2027 00:00:00 GMT",
      ],
      now,
    );
    expect(jar.header()).toBe("d=5");
    expect(jar.has("a")).toBe(false);
    expect(jar.has("d")).toBe(true);
  });

  it("ignores a header without a name", () => {
    const jar = new CookieJar();
    jar.store(["=x", "novalue"]);
    expect(jar.header()).toBeUndefined();
  });
});
