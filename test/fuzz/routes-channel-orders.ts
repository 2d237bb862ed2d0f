import fc from "fast-check";
import { ROLES, type Role } from "@/lib/auth/roles";
import { demoFeedToken } from "@/lib/feed/feed-token";
import { controlText, hugeText, junkText, poisonText, unknownId } from "./bad-values";
import type { RouteCall, RouteSpec } from "./route-table";

const caller = fc.constantFrom<Role | "anonymous">("anonymous", ...ROLES);
const asText = junkText.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
const junk = fc.oneof(junkText, poisonText, hugeText, controlText);

/** A quantity or price no order may carry: zero, negative, fractional, text, huge. */
const badNumber = fc.constantFrom<unknown>(0, -1, 1.5, "2", null, 1e9, Number.MAX_SAFE_INTEGER + 2);

/**
 * A marketplace order that is always refused: one line carries a bad quantity or price, the
 * other fields are plausible or junk. Sent with the demo TMALL connector's own token, so that
 * validation (not only the token check) is what refuses it.
 */
const spoiledOrder = fc
  .record({
    channelOrderId: fc.oneof(fc.constantFrom("TM-FUZZ-1"), junk),
    sku: fc.oneof(fc.constantFrom("SKU-NOPE"), junk),
    quantity: badNumber,
    unitPrice: fc.oneof(badNumber, fc.constant(19_900)),
    spoilPrice: fc.boolean(),
    method: fc.oneof(fc.constantFrom("EXPRESS", "PICKUP", "SAME_CITY"), junk),
    paid: fc.oneof(fc.boolean(), junk),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), junkText, { maxKeys: 3 }),
  })
  .map((o) =>
    JSON.stringify({
      ...o.extra,
      channelOrderId: o.channelOrderId,
      lines: [
        {
          sku: o.sku,
          quantity: o.spoilPrice ? 1 : o.quantity,
          unitPrice: o.spoilPrice ? o.quantity : o.unitPrice,
        },
      ],
      buyer: { name: "Fuzz" },
      method: o.method,
      address: { addressLine: "1 Nanjing Road", city: "Shanghai" },
      paid: o.paid,
    }),
  );

const anyBody = fc.oneof(asText, hugeText, spoiledOrder);

/** A cursor the order events route refuses, so that even the channel's token is answered 400. */
const badCursor = fc.oneof(
  asText.filter((t) => !/^\s*\d{1,10}\s*$/.test(t)),
  fc.constantFrom("-1", "1.5", "", "2147483648", "1e3", " x"),
);

/**
 * Marketplace order intake: 401/403 without the channel's token, 4xx for any order it refuses.
 * Order events: refused without the token or with a cursor that is not one.
 */
export const CHANNEL_ORDER_ROUTES: Record<string, RouteSpec> = {
  "channels/[code]/order-events": {
    methods: ["GET"],
    calls: fc
      .record({
        caller,
        code: fc.oneof(unknownId, poisonText, controlText, fc.constantFrom("TMALL", " ")),
        since: badCursor,
        token: fc.option(fc.constantFrom(demoFeedToken("TMALL"), "nobody"), { nil: undefined }),
      })
      .map((c): RouteCall => ({
        caller: c.caller,
        query: [["since", c.since]],
        headers: c.token === undefined ? [] : [["authorization", `Bearer ${c.token}`]],
        params: { code: c.code },
      })),
  },
  "channels/[code]/orders": {
    methods: ["POST"],
    calls: fc.oneof(
      fc
        .record({
          caller,
          code: fc.oneof(unknownId, poisonText, fc.constantFrom("TMALL", "JD", " ")),
          token: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
          body: anyBody,
        })
        .map((c): RouteCall => ({
          caller: c.caller,
          query: [],
          headers: c.token === undefined ? [] : [["authorization", `Bearer ${c.token}x`]],
          params: { code: c.code },
          body: c.body,
        })),
      fc.record({ caller, body: spoiledOrder }).map((c): RouteCall => ({
        caller: c.caller,
        query: [],
        headers: [
          ["authorization", `Bearer ${demoFeedToken("TMALL")}`],
          ["content-type", "application/json"],
        ],
        params: { code: "TMALL" },
        body: c.body,
      })),
    ),
  },
};
