import { describe, expect, it } from "vitest";
import { parseAddressRange } from "@/lib/env";
import { normalizeAddress, resolveClientAddress, trustedProxySet } from "./client-address";

const ranges = (...texts: string[]) =>
  texts.map((text) => {
    const range = parseAddressRange(text);
    if (!range) throw new Error(`bad range ${text}`);
    return range;
  });

describe("parseAddressRange (TRUSTED_PROXIES entries)", () => {
  it.each([
    ["10.0.0.1", { address: "10.0.0.1", prefix: 32, family: "ipv4" }],
    ["10.0.0.0/8", { address: "10.0.0.0", prefix: 8, family: "ipv4" }],
    ["::1", { address: "::1", prefix: 128, family: "ipv6" }],
    ["fd00::/8", { address: "fd00::", prefix: 8, family: "ipv6" }],
  ])("reads %s", (text, range) => {
    expect(parseAddressRange(text)).toEqual(range);
  });

  it.each([
    "",
    "10.0.0",
    "10.0.0.0/33",
    "::/129",
    "10.0.0.0/8/8",
    "10.0.0.0/",
    "10.0.0.0/x",
    "proxy",
  ])("refuses %j", (text) => {
    expect(parseAddressRange(text)).toBeNull();
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    [" 2001:DB8::1 ", "2001:db8::1"],
    ["203.0.113.7", "203.0.113.7"],
    ["not-an-ip", null],
    ["203.0.113.7:8080", null],
    [undefined, null],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizeAddress(raw)).toBe(normalized);
  });
});

describe("resolveClientAddress", () => {
  const none = trustedProxySet([]);
  const proxies = trustedProxySet(ranges("10.0.0.0/8", "::1", "fd00::/8"));

  it("without trusted proxies, is the socket's peer whatever the client forwards", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", none)).toBe(
      "203.0.113.7",
    );
    expect(resolveClientAddress("127.0.0.1", undefined, none)).toBe("127.0.0.1");
  });

  it("a peer that is no trusted proxy cannot choose its address", () => {
    expect(resolveClientAddress("203.0.113.7", "10.0.0.5", proxies)).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, is the address the proxy saw", () => {
    expect(resolveClientAddress("10.1.2.3", "198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:10.1.2.3", "198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(resolveClientAddress("::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
  });

  it("ignores what the client wrote left of the first untrusted hop", () => {
    // The client sent "1.1.1.1"; the proxy appended the address it saw.
    expect(resolveClientAddress("10.1.2.3", "1.1.1.1, 198.51.100.9", proxies)).toBe("198.51.100.9");
    // Two trusted proxies in a row: the first untrusted hop from the right.
    expect(resolveClientAddress("10.1.2.3", "1.1.1.1, 198.51.100.9, 10.9.9.9", proxies)).toBe(
      "198.51.100.9",
    );
    expect(resolveClientAddress("10.1.2.3", ["1.1.1.1", "198.51.100.9"], proxies)).toBe(
      "198.51.100.9",
    );
  });

  it("stops at a hop that is not an address, keeping the last one known", () => {
    expect(resolveClientAddress("10.1.2.3", "1.1.1.1, garbage", proxies)).toBe("10.1.2.3");
    expect(resolveClientAddress("10.1.2.3", undefined, proxies)).toBe("10.1.2.3");
    expect(resolveClientAddress("10.1.2.3", "10.4.4.4", proxies)).toBe("10.4.4.4");
  });

  it("has no address for a socket without a peer", () => {
    expect(resolveClientAddress(undefined, "1.1.1.1", proxies)).toBe("unknown");
  });
});
