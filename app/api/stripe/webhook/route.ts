import { toFailure } from "@/lib/actions/result";
import { getDb } from "@/lib/db/client.server";
import { HTTP_STATUS } from "@/lib/errors/app-error";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook.server";

// Not defineRoute: the signature covers the raw bytes of the body, so it must be read as text
// before anything parses it. There is no session here; the signature is the authorisation.
export async function POST(request: Request): Promise<Response> {
  const payload = await request.text();
  try {
    const receipt = await receiveStripeWebhook(await getDb(), {
      payload,
      signature: request.headers.get("stripe-signature"),
    });
    return Response.json({
      received: true,
      duplicate: receipt.duplicate,
      outcome: receipt.outcome,
    });
  } catch (error) {
    const { ok: _ok, ...failure } = toFailure(error);
    // A 5xx makes Stripe deliver again later, which finishes an event that failed half-way.
    return Response.json({ error: failure }, { status: HTTP_STATUS[failure.code] });
  }
}
