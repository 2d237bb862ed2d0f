import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { parseStripeForm } from "./form-body";

// A local stand-in for the few Stripe API calls checkout makes, so tests drive the real SDK.
// It keeps sessions and refunds in memory, honours Idempotency-Key like Stripe does, serves a
// minimal hosted payment page, and builds correctly signed webhook events.

type Session = {
  id: string;
  object: "checkout.session";
  url: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  paymentIntentMetadata: Record<string, string>;
};

type Refund = {
  id: string;
  object: "refund";
  amount: number;
  payment_intent: string;
  status: "succeeded";
  metadata: Record<string, string>;
};

export type FakeStripe = {
  baseUrl: string;
  sessions: Map<string, Session>;
  refunds: Refund[];
  /** Every API call the SDK made, in order. */
  calls: {
    method: string;
    path: string;
    idempotencyKey: string | null;
    body: Record<string, unknown>;
  }[];
  /** Marks a session paid and returns the `checkout.session.completed` event Stripe would send. */
  completeSession: (sessionId: string) => Stripe.Event;
  /** The payload and Stripe-Signature header of an event signed with `secret`. */
  sign: (
    event: Stripe.Event,
    secret: string,
    timestamp?: number,
  ) => { payload: string; signature: string };
  close: () => Promise<void>;
};

const id = (prefix: string) => `${prefix}_test_${randomBytes(8).toString("hex")}`;

function eventOf(type: string, object: unknown): Stripe.Event {
  return {
    id: id("evt"),
    object: "event",
    api_version: "2024-06-20",
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  } as unknown as Stripe.Event;
}

function publicSession(session: Session) {
  const { paymentIntentMetadata: _meta, ...rest } = session;
  return rest;
}

/** Starts the stand-in on a free port; `webhook` makes its hosted page deliver signed events. */
export async function startFakeStripe(
  options: { webhook?: { url: string; secret: string } } = {},
): Promise<FakeStripe> {
  const sessions = new Map<string, Session>();
  const refunds: Refund[] = [];
  const calls: FakeStripe["calls"] = [];
  const replies = new Map<string, unknown>();
  let baseUrl = "";

  const completeSession = (sessionId: string): Stripe.Event => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent ??= id("pi");
    return eventOf("checkout.session.completed", publicSession(session));
  };
  const sign = (event: Stripe.Event, secret: string, timestamp?: number) => {
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      ...(timestamp ? { timestamp } : {}),
    });
    return { payload, signature };
  };

  const api = (method: string, path: string, body: Record<string, unknown>): [number, unknown] => {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const lineItems = (body.line_items ?? {}) as Record<
        string,
        { quantity?: string; price_data?: { unit_amount?: string; currency?: string } }
      >;
      const amount = Object.values(lineItems).reduce(
        (sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1),
        0,
      );
      const sessionId = id("cs");
      const session: Session = {
        id: sessionId,
        object: "checkout.session",
        url: `${baseUrl}/pay/${sessionId}`,
        status: "open",
        payment_status: "unpaid",
        amount_total: amount,
        currency: Object.values(lineItems)[0]?.price_data?.currency ?? "cny",
        metadata: (body.metadata ?? {}) as Record<string, string>,
        client_reference_id: (body.client_reference_id as string | undefined) ?? null,
        payment_intent: null,
        success_url: String(body.success_url ?? ""),
        cancel_url: String(body.cancel_url ?? ""),
        paymentIntentMetadata:
          (body.payment_intent_data as { metadata?: Record<string, string> } | undefined)
            ?.metadata ?? {},
      };
      sessions.set(sessionId, session);
      return [200, publicSession(session)];
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && sessionMatch) {
      const session = sessions.get(sessionMatch[1] ?? "");
      return session
        ? [200, publicSession(session)]
        : [404, { error: { type: "invalid_request_error", message: "No such session" } }];
    }
    if (method === "POST" && path === "/v1/refunds") {
      const refund: Refund = {
        id: id("re"),
        object: "refund",
        amount: Number(body.amount),
        payment_intent: String(body.payment_intent),
        status: "succeeded",
        metadata: (body.metadata ?? {}) as Record<string, string>,
      };
      refunds.push(refund);
      return [200, refund];
    }
    return [
      404,
      {
        error: {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${method} ${path})`,
        },
      },
    ];
  };

  const hostedPage = async (method: string, sessionId: string, res: http.ServerResponse) => {
    const session = sessions.get(sessionId);
    if (!session) return void res.writeHead(404).end("No such session");
    if (method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(
        `<!doctype html><title>Test card payment</title><h1>Test card payment</h1>` +
          `<p>Amount: ${session.amount_total} ${session.currency}</p>` +
          `<form method="post"><button type="submit">Pay</button></form>`,
      );
    }
    const event = completeSession(sessionId);
    if (options.webhook) {
      const { payload, signature } = sign(event, options.webhook.secret);
      await fetch(options.webhook.url, {
        method: "POST",
        headers: { "stripe-signature": signature, "content-type": "application/json" },
        body: payload,
      });
    }
    res.writeHead(303, { location: session.success_url }).end();
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const url = new URL(req.url ?? "/", "http://fake");
      const payMatch = /^\/pay\/([^/]+)$/.exec(url.pathname);
      if (payMatch) {
        hostedPage(method, payMatch[1] ?? "", res).catch(() => res.writeHead(500).end());
        return;
      }
      const body = parseStripeForm(raw);
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      calls.push({ method, path: url.pathname, idempotencyKey, body });
      const remembered = idempotencyKey
        ? replies.get(`${method} ${url.pathname} ${idempotencyKey}`)
        : undefined;
      const [status, reply] = remembered ? [200, remembered] : api(method, url.pathname, body);
      if (idempotencyKey && status === 200)
        replies.set(`${method} ${url.pathname} ${idempotencyKey}`, reply);
      res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    sessions,
    refunds,
    calls,
    completeSession,
    sign,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
