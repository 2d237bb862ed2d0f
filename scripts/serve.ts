/**
 * The production server `npm start` runs: Next.js's request handler behind the front server
 * (lib/http/front-server.ts), which decides the client's address and answers malformed requests
 * with a 4xx. Run it through `npm start`, which migrates, seeds and builds first.
 */
import next from "next";
import { env } from "@/lib/env";
import { trustedProxySet } from "@/lib/http/client-address";
import { createFrontServer } from "@/lib/http/front-server";

async function main(): Promise<void> {
  const startedAt = Date.now();
  const app = next({ dev: false, dir: process.cwd(), port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createFrontServer({
    handle: (req, res) => handle(req, res),
    trustedProxies: trustedProxySet(env.TRUSTED_PROXIES),
  });
  server.listen(env.PORT, () => {
    console.log(`✓ Ready on port ${env.PORT} in ${Date.now() - startedAt} ms`);
  });
  const stop = () => {
    server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
