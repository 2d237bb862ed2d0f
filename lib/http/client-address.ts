import { BlockList, isIP } from "node:net";
import type { AddressRange } from "@/lib/env";

/** The proxies allowed to name the client, as a set that answers "is this peer one of them". */
export function trustedProxySet(ranges: readonly AddressRange[]): BlockList {
  const set = new BlockList();
  for (const range of ranges) set.addSubnet(range.address, range.prefix, range.family);
  return set;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) as `10.0.0.1`; null when not an address. */
export function normalizeAddress(raw: string | undefined): string | null {
  const text = raw?.trim() ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text)?.[1];
  const address = mapped ?? text;
  return isIP(address) === 0 ? null : address.toLowerCase();
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The address of the client: the socket's peer, unless the peer is a trusted proxy; then the
 * nearest address in `X-Forwarded-For` that is not a trusted proxy. Entries left of the first
 * untrusted hop were written by the client and are never believed.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | readonly string[] | undefined,
  trusted: BlockList,
): string {
  let client = normalizeAddress(peer);
  if (client === null) return "unknown";
  const header = typeof forwardedFor === "string" ? forwardedFor : (forwardedFor ?? []).join(",");
  const hops = header.split(",").filter((hop) => hop.trim() !== "");
  while (isTrusted(client, trusted)) {
    const hop = normalizeAddress(hops.pop());
    // A hop that is not an address: the proxy's own peer is the last one known for sure.
    if (hop === null) break;
    client = hop;
  }
  return client;
}
