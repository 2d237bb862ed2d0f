import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { stripeEndpointFrom } from "./stripe-config";

/** A Stripe SDK client for a key and an optional API base (a local stand-in in tests). */
export function createStripeClient(secretKey: string, apiBase?: string): Stripe {
  const endpoint = stripeEndpointFrom(apiBase);
  return new Stripe(secretKey, {
    ...(endpoint ?? {}),
    // A payment call must not be repeated blindly; callers pass idempotency keys instead.
    maxNetworkRetries: 0,
    telemetry: false,
  });
}

const globalForStripe = globalThis as unknown as { onepoolStripe?: Stripe };

/** The process-wide Stripe client from the environment; refuses when Stripe is not configured. */
export function getStripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) {
    throw new AppError("PAYMENT_FAILED", "Card payments are not configured on this server.", {
      details: { reason: "NOT_CONFIGURED" },
    });
  }
  globalForStripe.onepoolStripe ??= createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_BASE);
  return globalForStripe.onepoolStripe;
}
