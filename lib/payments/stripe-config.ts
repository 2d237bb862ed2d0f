/** Where the Stripe SDK sends its calls: Stripe itself, or a server given by STRIPE_API_BASE. */
export type StripeEndpoint = { host: string; port: number; protocol: "http" | "https" };

/**
 * Reads an API base such as `http://127.0.0.1:12111` into the SDK's host/port/protocol options.
 * A base lets tests and offline machines point the real SDK at a local stand-in.
 */
export function stripeEndpointFrom(apiBase: string | undefined): StripeEndpoint | null {
  if (!apiBase) return null;
  const url = new URL(apiBase);
  const protocol = url.protocol === "http:" ? "http" : "https";
  const port = url.port ? Number(url.port) : protocol === "http" ? 80 : 443;
  return { host: url.hostname, port, protocol };
}

/** The payment provider checkout uses: Stripe when a secret key is configured, otherwise the demo. */
export function activePaymentProvider(settings: { stripeSecretKey?: string }): "STRIPE" | "DEMO" {
  return settings.stripeSecretKey ? "STRIPE" : "DEMO";
}
