import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseAddressRange, type AddressRange } from "@/lib/env";
import { trustedProxySet } from "./client-address";
import { createFrontServer, type RequestHandler } from "./front-server";

type Seen = { url: string; headers: IncomingMessage["headers"]; body: string };

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) {
    running.closeAllConnections();
    await new Promise<void>((resolve) => running.close(() => resolve()));
  }
});

/** A front server on a free port whose handler records what reached it. */
async function start(
  options: { trusted?: AddressRange[]; handle?: RequestHandler; limit?: number } = {},
) {
  const seen: Seen[] = [];
  const handle: RequestHandler =
    options.handle ??
    (async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      seen.push({
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.end("handled");
    });
  const running = createFrontServer({
    handle,
    trustedProxies: trustedProxySet(options.trusted ?? []),
    actionBodyLimitBytes: options.limit,
  });
  server = running;
  await new Promise<void>((resolve) => running.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
  return { base, seen };
}

const loopback = [parseAddressRange("127.0.0.0/8")!];

describe("front server: the client's address", () => {
  it("replaces a client's own X-Forwarded-For and X-Real-IP with the socket's peer", async () => {
    const { base, seen } = await start();
    await fetch(`${base}/signin`, {
      headers: { "x-forwarded-for": "198.51.100.1, 198.51.100.2", "x-real-ip": "198.51.100.3" },
    });
    expect(seen[0]?.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen[0]?.headers["x-real-ip"]).toBeUndefined();
  });

  it("takes the address a trusted proxy reports", async () => {
    const { base, seen } = await start({ trusted: loopback });
    await fetch(`${base}/`, { headers: { "x-forwarded-for": "1.1.1.1, 198.51.100.9" } });
    expect(seen[0]?.headers["x-forwarded-for"]).toBe("198.51.100.9");
  });
});

describe("front server: malformed requests", () => {
  it("answers 400 to a path that does not decode, without calling Next", async () => {
    const { base, seen } = await start();
    for (const path of ["/%C0%AF", "/products/%FF"]) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
    }
    const ok = await fetch(`${base}/products/%E4%B8%AD`);
    expect(ok.status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(["/products/%E4%B8%AD"]);
  });

  const action = (base: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${base}/`, {
      method: "POST",
      body,
      headers: {
        "next-action": "7f00",
        "content-type": "text/plain;charset=UTF-8",
        origin: base,
        ...headers,
      },
      duplex: "half",
    } as RequestInit);

  it("hands a well-formed action call to Next with its whole body", async () => {
    const { base, seen } = await start();
    const response = await action(base, '["en"]');
    expect(await response.text()).toBe("handled");
    expect(seen[0]?.body).toBe('["en"]');
  });

  it("answers 403 to an action called from another site", async () => {
    const { base, seen } = await start();
    expect((await action(base, '["en"]', { origin: "https://elsewhere.example" })).status).toBe(
      403,
    );
    expect((await action(base, '["en"]', { origin: "null" })).status).toBe(403);
    expect(seen).toEqual([]);
  });

  it("answers 413 to an action body over the limit, declared or streamed", async () => {
    const { base, seen } = await start({ limit: 1024 });
    expect((await action(base, "a".repeat(1025))).status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i += 1) controller.enqueue(new Uint8Array(400).fill(97));
        controller.close();
      },
    });
    expect((await action(base, streamed)).status).toBe(413);
    expect((await action(base, `["${"a".repeat(1000)}"]`)).status).toBe(200);
    // A body far over the limit is read to its end before the answer: no broken pipe.
    for (let i = 0; i < 5; i += 1)
      expect((await action(base, "a".repeat(2 * 1024 * 1024))).status).toBe(413);
    expect(seen).toHaveLength(1);
  });

  it("answers 400 to an action body Next cannot decode", async () => {
    const { base, seen } = await start();
    expect((await action(base, "junk{")).status).toBe(400);
    expect((await action(base, '["$Q1"]')).status).toBe(400);
    expect(seen).toEqual([]);
  });

  it("answers 500 when the handler fails, and keeps serving", async () => {
    let calls = 0;
    const { base } = await start({
      handle: (_req, res) => {
        calls += 1;
        if (calls === 1) throw new Error("boom");
        res.end("fine");
      },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await fetch(`${base}/`)).status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    expect(await (await fetch(`${base}/`)).text()).toBe("fine");
  });
});
