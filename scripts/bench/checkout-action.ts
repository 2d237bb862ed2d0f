/**
 * The wire format of a server action call as the browser makes it: the action's id from the
 * build's manifest, the arguments encoded as React encodes a reply, and the action's value read
 * back from the React Server Components stream.
 */

/** The build's `server/server-reference-manifest.json` (the parts read here). */
export type ServerReferenceManifest = {
  node: Record<string, { filename?: string; exportedName?: string }>;
};

/** The id of the action `exportedName` exported by `filename` (e.g. `lib/cart/actions.ts`). */
export function actionIdOf(
  manifest: ServerReferenceManifest,
  filename: string,
  exportedName: string,
): string {
  const ids = Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename === filename && entry.exportedName === exportedName)
    .map(([id]) => id);
  if (ids.length !== 1)
    throw new Error(`${ids.length} actions ${exportedName} of ${filename} in the build manifest`);
  return ids[0] ?? "";
}

/** A value as React's encodeReply writes it when every part is plain JSON. */
function toReplyValue(value: unknown): unknown {
  if (value === undefined) return "$undefined";
  // A string starting with "$" would be read as a reference; React escapes it with another "$".
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(toReplyValue);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toReplyValue(v)]));
  return value;
}

/** The request body of a call with these arguments (`text/plain`, as a browser sends it). */
export function actionBody(args: readonly unknown[]): string {
  return JSON.stringify(toReplyValue(args));
}

/** Undoes React's "$" escaping and turns "$undefined" back; other references are left as is. */
function fromFlightValue(value: unknown): unknown {
  if (typeof value === "string") {
    if (value === "$undefined") return undefined;
    return value.startsWith("$$") ? value.slice(1) : value;
  }
  if (Array.isArray(value)) return value.map(fromFlightValue);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromFlightValue(v)]));
  return value;
}

/**
 * The action's return value from the response stream: rows `<hex id>:<json>`, row 0 naming the
 * value's row in `a` as `"$@<hex id>"`. Throws when the stream holds no such value.
 */
export function actionValueOf(stream: string): unknown {
  const rows = new Map<string, string>();
  for (const line of stream.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  const head = rows.get("0");
  if (head === undefined) throw new Error(`no action answer in: ${stream.slice(0, 200)}`);
  const pointer = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof pointer !== "string" || !pointer.startsWith("$@"))
    throw new Error(`the action answer names no value: ${head.slice(0, 200)}`);
  const row = rows.get(pointer.slice(2));
  if (row === undefined) throw new Error(`the action's value row ${pointer} is missing`);
  return fromFlightValue(JSON.parse(row));
}

/** The checkout form's one-time key, from the checkout page's HTML (it is in the page's data). */
export function idempotencyKeyOf(html: string): string {
  const match = /idempotencyKey\\*":\\*"([0-9a-f-]{16,100})\\*"/.exec(html);
  if (!match?.[1]) throw new Error("the checkout page holds no idempotency key");
  return match[1];
}

/** The arguments the checkout form sends for a store pickup (see components/checkout). */
export function pickupOrderArgs(input: {
  idempotencyKey: string;
  storeNodeId: string;
  contactName: string;
}): unknown[] {
  return [
    {
      idempotencyKey: input.idempotencyKey,
      method: "PICKUP",
      storeNodeId: input.storeNodeId,
      addressLine: undefined,
      city: undefined,
      latitude: undefined,
      longitude: undefined,
      contactName: input.contactName,
      contactPhone: "",
      couponCode: "",
      pointsToRedeem: "",
      holdSeconds: undefined,
    },
  ];
}
