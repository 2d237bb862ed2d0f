// The stock gate's Redis layout and replies, without I/O (see stock-gate.server.ts).

/** The hash holding one SKU's gate counts, one field per channel. */
export function stockGateKey(skuId: string): string {
  // The braces make the SKU a Redis Cluster hash tag: the key's slot depends on the SKU alone.
  return `onepool:stock-gate:{${skuId}}`;
}

/** What the admit script answered. */
export type AdmitAnswer =
  | { kind: "admitted"; left: number }
  | { kind: "refused"; left: number }
  /** The channel has no count yet: read it from the database and admit again with it. */
  | { kind: "missing" };

function integer(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : null;
}

/** Reads the admit script's reply ({status, left}); throws on anything else. */
export function parseAdmitReply(reply: unknown): AdmitAnswer {
  if (Array.isArray(reply) && reply.length === 2) {
    const status = integer(reply[0]);
    const left = integer(reply[1]);
    if (left !== null) {
      if (status === 1) return { kind: "admitted", left };
      if (status === 0) return { kind: "refused", left };
      if (status === -1) return { kind: "missing" };
    }
  }
  throw new Error(`unexpected stock gate reply: ${JSON.stringify(reply)}`);
}

/** Reads the give-back script's reply: the count now, or null when there was none. */
export function parseGiveBackReply(reply: unknown): number | null {
  const left = integer(reply);
  if (left === null) throw new Error(`unexpected stock gate reply: ${JSON.stringify(reply)}`);
  return left < 0 ? null : left;
}
