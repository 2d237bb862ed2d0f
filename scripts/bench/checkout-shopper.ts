import { actionBody, actionValueOf, idempotencyKeyOf, pickupOrderArgs } from "./checkout-action";
import { CookieJar } from "./checkout-cookies";

/** The action ids read from the build. */
export type ActionIds = { addToCart: string; placeCheckoutOrder: string };

/** What an action returned: its data, or its typed refusal. */
export type ActionAnswer =
  { ok: true; data: unknown } | { ok: false; code: string; message?: string };

const TIMEOUT_MS = 120_000;

/**
 * One shopper's browser, over HTTP only: its own cookies, and the requests the pages' scripts
 * send (next-auth's sign-in, the add-to-cart and place-order server actions).
 */
export class BrowserSession {
  private jar = new CookieJar();

  constructor(
    private readonly baseUrl: string,
    private readonly actions: ActionIds = { addToCart: "", placeCheckoutOrder: "" },
  ) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set("Cookie", cookie);
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    this.jar.store(response.headers.getSetCookie());
    return response;
  }

  private async expectOk(path: string, init?: RequestInit): Promise<Response> {
    const response = await this.request(path, init);
    if (!response.ok) {
      const text = await response.text();
      throw new Error(
        `${init?.method ?? "GET"} ${path} answered ${response.status}: ${text.slice(0, 200)}`,
      );
    }
    return response;
  }

  /**
   * next-auth/react's signIn("credentials", { redirect: false }): the error code next-auth
   * answers with (INVALID_CREDENTIALS, RATE_LIMITED:<seconds>), or null once signed in.
   */
  async trySignIn(email: string, password: string): Promise<string | null> {
    await (await this.expectOk("/api/auth/providers")).arrayBuffer();
    const { csrfToken } = (await (await this.expectOk("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const form = new URLSearchParams({
      email,
      password,
      redirect: "false",
      csrfToken,
      callbackUrl: `${this.baseUrl}/signin`,
      json: "true",
    });
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    // A refusal is a 401 whose body names the error, as a success names where to go.
    if (!response.ok && response.status !== 401)
      throw new Error(
        `sign-in answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    const { url } = (await response.json()) as { url: string };
    return new URL(url, this.baseUrl).searchParams.get("error");
  }

  /** next-auth/react's getSession(): who this browser's cookie signs in, on this server. */
  async sessionUser(): Promise<{ email?: string; role?: string } | null> {
    const session = (await (await this.expectOk("/api/auth/session")).json()) as {
      user?: { email?: string; role?: string };
    } | null;
    return session?.user ?? null;
  }

  /** Signs in a consumer, or throws. */
  async signIn(email: string, password: string): Promise<void> {
    const error = await this.trySignIn(email, password);
    if (error) throw new Error(`sign-in of ${email} refused: ${error}`);
    if ((await this.sessionUser())?.role !== "CONSUMER")
      throw new Error(`${email} has no consumer session`);
  }

  /** The same cookies sent to another server of the same site (behind one load balancer). */
  on(baseUrl: string): BrowserSession {
    const twin = new BrowserSession(baseUrl, this.actions);
    twin.jar = this.jar;
    return twin;
  }

  /** Calls a server action as the page at `pagePath` does; the action's answer. */
  async callAction(
    pagePath: string,
    actionId: string,
    args: readonly unknown[],
  ): Promise<ActionAnswer> {
    const response = await this.request(pagePath, {
      method: "POST",
      headers: {
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
        "Next-Action": actionId,
        Origin: this.baseUrl,
      },
      body: actionBody(args),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`action ${pagePath} answered ${response.status}: ${text.slice(0, 200)}`);
    const value = actionValueOf(text) as ActionAnswer;
    if (typeof value !== "object" || value === null || !("ok" in value))
      throw new Error(`action ${pagePath} returned ${text.slice(0, 200)}`);
    return value;
  }

  /** "Add to cart" on the product page with the size chosen. */
  async addToCart(productPath: string, skuId: string, quantity: number): Promise<void> {
    const answer = await this.callAction(productPath, this.actions.addToCart, [
      { skuId, quantity },
    ]);
    if (!answer.ok) throw new Error(`add to cart refused: ${answer.code} ${answer.message ?? ""}`);
  }

  /** Opens the checkout page for pickup at the store; the form's one-time key. */
  async openCheckout(checkoutPath: string): Promise<string> {
    const html = await (await this.expectOk(checkoutPath)).text();
    return idempotencyKeyOf(html);
  }

  /** "Place order" for a pickup at the store. */
  placePickupOrder(
    checkoutPath: string,
    input: { idempotencyKey: string; storeNodeId: string; contactName: string },
  ): Promise<ActionAnswer> {
    return this.callAction(checkoutPath, this.actions.placeCheckoutOrder, pickupOrderArgs(input));
  }
}
