/**
 * One browser's cookies for one site: what `Set-Cookie` stored, sent back as `Cookie`. Enough
 * for next-auth's and the cart's cookies (no paths or domains: everything is on one origin).
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Applies `Set-Cookie` headers; a cookie expired or with Max-Age ≤ 0 is removed. */
  store(setCookies: readonly string[], now = Date.now()): void {
    for (const header of setCookies) {
      const [pair = "", ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const removed =
        value === "" ||
        attributes.some((raw) => {
          const [key = "", val = ""] = raw.split("=").map((s) => s.trim());
          if (key.toLowerCase() === "max-age") return Number(val) <= 0;
          if (key.toLowerCase() === "expires") return Date.parse(val) <= now;
          return false;
        });
      if (removed) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  /** The `Cookie` header, or undefined when there is nothing to send. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}
