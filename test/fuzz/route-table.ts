import fc, { type Arbitrary } from "fast-check";
import { ROLES, type Role } from "@/lib/auth/roles";
import { controlText, hugeText, junkText, poisonText, unknownId } from "./bad-values";
import { INVENTORY_ROUTES } from "./routes-inventory";
import { CHANNEL_ORDER_ROUTES } from "./routes-channel-orders";
import { SETTLEMENT_ROUTES } from "./routes-settlement";

/** One generated request to a route handler, and who makes it. */
export type RouteCall = {
  caller: Role | "anonymous";
  query: [string, string][];
  headers: [string, string][];
  params?: Record<string, string>;
  body?: string;
  /** Sign the body with the webhook secret, as Stripe would. */
  signBody?: boolean;
};

/** How the fuzzer drives one route handler file under app/api. */
export type RouteSpec = { methods: readonly string[]; calls: Arbitrary<RouteCall> };

const caller = fc.constantFrom<Role | "anonymous">("anonymous", ...ROLES);

/** Any generated value as the text a query string or body carries. */
const asText = junkText.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));

// Header values must be ISO-8859-1 without line breaks, or Request refuses to build them.
const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom("9".repeat(100_000), "-1", "1e9", "0x10", " ", "\u00ff\u00fe"),
);
const bearer = fc.option(
  headerText.map((token): [string, string] => ["authorization", `Bearer ${token}`]),
  { nil: undefined },
);

/** A channel code from the path: never a real one, so an admin is answered 404 at worst. */
const channelCode = fc.oneof(poisonText, hugeText, unknownId, controlText, fc.constant(" "));
const cursor = fc.oneof(asText, fc.constantFrom("0", "-1", "2147483648", "1.5", "", "1e3"));
const feedQuery = fc.array(
  fc.tuple(fc.constantFrom("since", "limit", "code", "x", "\u0000"), cursor),
  { maxLength: 3 },
);

/** A sweep limit the route refuses: an admin never starts a real sweep from the fuzzer. */
const badLimit = fc.oneof(
  poisonText,
  controlText,
  hugeText,
  fc.constantFrom("0", "10001", "99999", "-1", "1.5", "", "1e3", " 5 x"),
);

const headersOf = (...pairs: ([string, string] | undefined)[]) =>
  pairs.filter((p): p is [string, string] => p !== undefined);

/** Every route handler file except next-auth's, keyed by its folder under app/api. */
export const ROUTE_TABLE: Record<string, RouteSpec> = {
  ...SETTLEMENT_ROUTES,
  ...CHANNEL_ORDER_ROUTES,
  ...INVENTORY_ROUTES,
  "admin/employee-purchases": {
    methods: ["GET"],
    // The period is always one the schema refuses, so even an admin is answered 400.
    calls: fc
      .record({
        caller,
        period: fc.oneof(
          asText,
          fc.constantFrom("", "2026-13", "2026-Q5", "26-11", "2026-1", "2026-11-01", "x"),
        ),
        by: fc.option(fc.oneof(asText, fc.constantFrom("employee", "sku", "SKU")), {
          nil: undefined,
        }),
      })
      .map((c) => ({
        caller: c.caller,
        query: [["period", c.period], ...(c.by === undefined ? [] : [["by", c.by]])] as [
          string,
          string,
        ][],
        headers: [],
      })),
  },
  "channels/[code]/stock": {
    methods: ["GET"],
    calls: fc.record({ caller, code: channelCode, query: feedQuery, bearer }).map((c) => ({
      caller: c.caller,
      query: c.query,
      headers: headersOf(c.bearer),
      params: { code: c.code },
    })),
  },
  "channels/[code]/stock/stream": {
    methods: ["GET"],
    calls: fc
      .record({
        caller,
        code: channelCode,
        query: feedQuery,
        bearer,
        lastEventId: fc.option(headerText, { nil: undefined }),
      })
      .map((c) => ({
        caller: c.caller,
        query: c.query,
        headers: headersOf(
          c.bearer,
          c.lastEventId === undefined ? undefined : ["last-event-id", c.lastEventId],
        ),
        params: { code: c.code },
      })),
  },
  "catalogue/stock/stream": {
    methods: ["GET"],
    // Only lists that are not SKU codes, or too long: a valid list opens a stream that never ends.
    calls: fc
      .record({
        caller,
        skus: fc.oneof(
          asText.map((text) => `${text}<`),
          poisonText.map((text) => `A-1,${text}\u0000`),
          fc.constantFrom(
            "",
            ",",
            "A,,B",
            Array.from({ length: 61 }, (_, i) => `X-${i}`).join(","),
          ),
        ),
      })
      .map((c) => ({
        caller: c.caller,
        query: [["skus", c.skus]] as [string, string][],
        headers: [],
      })),
  },
  "cart/count": {
    methods: ["GET"],
    // The route takes no parameters, so any one is refused.
    calls: fc
      .record({
        caller,
        query: fc.array(fc.tuple(fc.oneof(asText, fc.constant("q")), asText), { minLength: 1 }),
      })
      .map((c) => ({ ...c, headers: [] })),
  },
  "cron/release-expired-holds": {
    methods: ["GET", "POST"],
    calls: fc
      .record({ caller, limit: badLimit, bearer, extra: fc.option(asText, { nil: undefined }) })
      .map((c) => ({
        caller: c.caller,
        query: [["limit", c.limit], ...(c.extra === undefined ? [] : [["x", c.extra]])] as [
          string,
          string,
        ][],
        headers: headersOf(c.bearer),
      })),
  },
  "stripe/webhook": {
    methods: ["POST"],
    // Signed or not, a body that is not a Stripe event is refused before anything is recorded.
    calls: fc
      .record({
        caller,
        body: fc.oneof(
          asText,
          fc.constantFrom(
            "{",
            "[]",
            "null",
            "{}",
            '{"id":"","type":"payment_intent.succeeded"}',
            '{"id":1,"type":"payment_intent.succeeded"}',
            '{"id":"evt_\\u0000","type":"payment_intent.succeeded"}',
            '{"id":"evt_\\ud800","type":"payment_intent.succeeded"}',
          ),
        ),
        signature: fc.oneof(
          fc.constant<"signed">("signed"),
          fc.constant(undefined),
          headerText.map((s) => `t=1,v1=${s}`),
        ),
      })
      .map((c) => ({
        caller: c.caller,
        query: [],
        headers:
          c.signature === undefined || c.signature === "signed"
            ? []
            : [["stripe-signature", c.signature] as [string, string]],
        body: c.body,
        signBody: c.signature === "signed",
      })),
  },
};
