import { createServer, IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { resolveClientAddress } from "./client-address";
import {
  ACTION_BODY_LIMIT_BYTES,
  declaredLength,
  isActionOriginAllowed,
  isDecodableActionBody,
  isDecodablePath,
  isServerActionCall,
} from "./request-guards";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export type FrontServerOptions = {
  /** Next.js's request handler, or any handler in tests. */
  handle: RequestHandler;
  trustedProxies: BlockList;
  actionBodyLimitBytes?: number;
};

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  res.end(`${text}\n`);
}

/**
 * Most of a refused body read and discarded before answering: a client still writing when the
 * socket closes sees a broken pipe instead of the 413. Beyond this the socket is simply closed.
 */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * The body, or null when it passes `limit` bytes. A body over the limit is still read to its end
 * (up to the drain limit) and discarded, so that the client is done writing when it is answered.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > DRAIN_LIMIT_BYTES) return null;
    if (size <= limit) chunks.push(buffer);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

/** A request like `req` whose body is `body`, for a handler after the body has been read once. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  // An incomplete message destroys its socket once read; this one holds the whole body.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/**
 * Checks a server action call before Next sees it: its origin (403), its size (413) and whether
 * its body can be decoded (400), the three cases Next itself answers with a 500. Returns the
 * request to hand over, or null when it was answered here.
 */
async function screenActionCall(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<IncomingMessage | null> {
  if (!isActionOriginAllowed(req.headers)) {
    refuse(res, 403, "Forbidden: the request comes from another site.");
    return null;
  }
  const tooLarge = "Payload Too Large";
  const declared = declaredLength(req.headers) ?? 0;
  if (declared > limit) {
    if (declared <= DRAIN_LIMIT_BYTES) await readBody(req, 0);
    refuse(res, 413, tooLarge);
    return null;
  }
  const body = await readBody(req, limit);
  if (body === null) {
    refuse(res, 413, tooLarge);
    return null;
  }
  if (!(await isDecodableActionBody(req.headers["content-type"], body))) {
    refuse(res, 400, "Bad Request: the action's body cannot be decoded.");
    return null;
  }
  return replay(req, body);
}

/**
 * The HTTP server in front of Next.js. It decides who the client is (so rate limits key on an
 * address the client cannot choose) and answers the malformed requests that Next would answer
 * with a 500; everything else goes to Next untouched.
 */
export function createFrontServer(options: FrontServerOptions): Server {
  const limit = options.actionBodyLimitBytes ?? ACTION_BODY_LIMIT_BYTES;
  return createServer((req, res) => {
    void (async () => {
      // Downstream code (sign-in limits) reads the client from this header, so it must hold
      // exactly the address decided here, whatever the client sent.
      req.headers["x-forwarded-for"] = resolveClientAddress(
        req.socket.remoteAddress,
        req.headers["x-forwarded-for"],
        options.trustedProxies,
      );
      delete req.headers["x-real-ip"];
      if (!isDecodablePath(req.url ?? "/")) return refuse(res, 400, "Bad Request: malformed URL.");
      const screened = isServerActionCall(req.method, req.headers)
        ? await screenActionCall(req, res, limit)
        : req;
      if (screened) await options.handle(screened, res);
    })().catch((error: unknown) => {
      console.error("[front] request failed:", error);
      if (!res.headersSent) refuse(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
}
