/**
 * The security headers of every response and the Content-Security-Policy of every page, as pure
 * functions of the few facts they depend on: the request's nonce, whether the app runs under
 * `next dev`, and whether the site is served over https.
 */

export type Header = { key: string; value: string };

/** Header names, lower-case as Node and Next store them. */
export const CSP_HEADER = "content-security-policy";

/** `Cache-Control` of responses that depend on who asks (sessions, bearer tokens, carts). */
export const PRIVATE_NO_STORE = "private, no-store";

/**
 * Whether the site is served over https, decided from its public URL (`NEXTAUTH_URL`): the same
 * rule next-auth applies to its own cookies (`__Secure-` names and `secure` when the URL is
 * https), so HSTS, the app's cookies and the session cookie always agree.
 */
export function servesOverHttps(siteUrl: string | undefined): boolean {
  return siteUrl?.trim().toLowerCase().startsWith("https://") ?? false;
}

/** A fresh nonce: 128 random bits, base64url (no `+`, `/` or `=` to escape anywhere). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export type PolicyOptions = {
  /** Marks the scripts and style elements Next renders for this response. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and the dev overlay injects styles. */
  development: boolean;
  https: boolean;
};

/**
 * The policy of a page. Scripts run only from this origin or with this response's nonce, so an
 * injected inline script never runs. Style attributes stay allowed (`style-src-attr`): React
 * renders `style={{ backgroundColor }}` for swatch colours as attributes, which a nonce cannot
 * cover and a hash per colour cannot keep up with; a style attribute cannot run code. Style
 * elements still need the nonce. Images: this origin and `data:` (the pickup QR code). Payments
 * leave the site by a top-level navigation to the provider, which a policy does not govern, so
 * no third-party origin is listed.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${development ? " 'unsafe-eval'" : ""}`,
    // A nonce in style-src would disable 'unsafe-inline', which the dev overlay needs.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The policy of responses that are not pages (API answers, build assets): nothing may load from
 * them and nobody may frame them.
 */
export const LOCKED_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every response carries, whatever it is. */
export function securityHeaders({ https }: { https: boolean }): Header[] {
  const headers: Header[] = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Older browsers ignore frame-ancestors; this says the same to them.
    { key: "X-Frame-Options", value: "DENY" },
    // Geolocation: "use my location" for nearby stores; nothing else is ever asked for.
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(self), payment=(), usb=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  if (https)
    headers.push({
      key: "Strict-Transport-Security",
      value: "max-age=63072000; includeSubDomains",
    });
  return headers;
}
