import NextAuth from "next-auth";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  LOCKED_POLICY,
  securityHeaders,
  servesOverHttps,
} from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const NONCE = "AAAAAAAAAAAAAAAAAAAAAA";

describe("contentSecurityPolicy", () => {
  it("in production lets scripts run only from this origin or with the nonce", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: NONCE, development: false, https: false }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    const everySource = [...policy.values()].flat().join(" ");
    expect(everySource).not.toMatch(/unsafe-eval|strict-dynamic|https:|\*/);
  });

  it("allows eval only under next dev", () => {
    const dev = directives(
      contentSecurityPolicy({ nonce: NONCE, development: true, https: false }),
    );
    expect(dev.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'unsafe-eval'"]);
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades subresource requests when the site is served over https", () => {
    const policy = contentSecurityPolicy({ nonce: NONCE, development: false, https: true });
    expect(directives(policy).has("upgrade-insecure-requests")).toBe(true);
  });

  it("is read back by Next, which puts the same nonce on the scripts it renders", () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy({ nonce, development: false, https: false });
    expect(getScriptNonceFromHeader(policy)).toBe(nonce);
  });
});

describe("createNonce", () => {
  it("makes 128 random bits in base64url, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("securityHeaders", () => {
  const byName = (https: boolean) =>
    Object.fromEntries(securityHeaders({ https }).map(({ key, value }) => [key, value]));

  it("sends the same protections on every response", () => {
    expect(byName(false)).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=(), usb=()",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
  });

  it("adds HSTS only over https (a plain-http site would pin browsers to nothing)", () => {
    expect(byName(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(byName(true)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("locks responses that are not pages", () => {
    expect(directives(LOCKED_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(LOCKED_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("servesOverHttps", () => {
  const cases: [string | undefined, boolean][] = [
    ["https://shop.onepool.example", true],
    ["HTTPS://shop.onepool.example/base", true],
    ["http://127.0.0.1:3100", false],
    ["http://localhost:3000", false],
    [undefined, false],
  ];

  it.each(cases)("%s → %s", (url, expected) => {
    expect(servesOverHttps(url)).toBe(expected);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** The cookies next-auth itself sets (its CSRF token) when NEXTAUTH_URL is `url`. */
  async function nextAuthCookies(url: string): Promise<string[]> {
    vi.stubEnv("NEXTAUTH_URL", url);
    const cookies: string[] = [];
    const res = {
      getHeader: () => [...cookies],
      setHeader: (name: string, value: string | string[]) => {
        if (name.toLowerCase() === "set-cookie")
          cookies.splice(0, cookies.length, ...[value].flat());
      },
      status: () => res,
      send: () => undefined,
      json: () => undefined,
      end: () => undefined,
    };
    const req = {
      query: { nextauth: ["csrf"] },
      method: "GET",
      cookies: {},
      headers: {},
      body: {},
    };
    await NextAuth(req as never, res as never, { secret: "s".repeat(32), providers: [] });
    return cookies;
  }

  // next-auth decides `secure` and the `__Secure-`/`__Host-` names of its cookies from the same
  // URL; HSTS and the app's own cookies must follow the same decision.
  it.each(cases.filter((c): c is [string, boolean] => c[0] !== undefined))(
    "agrees with next-auth's own cookies for %s",
    async (url, expected) => {
      const [csrf] = await nextAuthCookies(url);
      expect(csrf).toBeDefined();
      expect(/;\s*Secure/i.test(csrf!)).toBe(expected);
      expect(csrf!.startsWith("__Host-")).toBe(expected);
      expect(servesOverHttps(url)).toBe(expected);
    },
  );
});
