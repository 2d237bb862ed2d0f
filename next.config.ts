import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import path from "node:path";
import { pageRewrites } from "./i18n/page-rewrites";
import {
  CSP_HEADER,
  LOCKED_POLICY,
  PRIVATE_NO_STORE,
  securityHeaders,
  servesOverHttps,
} from "./lib/http/security-headers";

// Decided when the app is built, from the URL next-auth also bases its cookies on.
const https = servesOverHttps(process.env.NEXTAUTH_URL);

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "bcryptjs"],
  experimental: {
    // forbidden() renders app/[locale]/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // Next would hash every cached page's whole HTML on every request to make an ETag; storefront
  // pages carry their own revalidation times, so the hash only costs throughput.
  generateEtags: false,
  // Every cached page keeps its own Content-Security-Policy and gets a fresh nonce each time it is
  // served (see the file), so pages stay cached under a policy without 'unsafe-inline'.
  cacheHandler: path.resolve("lib/http/csp-cache-handler.mjs"),
  // Pages get their policy from proxy.ts (a nonce per request); what it does not see gets a
  // policy that allows nothing. API answers depend on the session or token that asked.
  async headers() {
    const locked = { key: CSP_HEADER, value: LOCKED_POLICY };
    return [
      { source: "/:path*", headers: securityHeaders({ https }) },
      { source: "/_next/:path*", headers: [locked] },
      {
        source: "/api/:path*",
        headers: [locked, { key: "Cache-Control", value: PRIVATE_NO_STORE }],
      },
    ];
  },
  async rewrites() {
    return { beforeFiles: [], afterFiles: pageRewrites(), fallback: [] };
  },
  // A second build beside the main one (end-to-end runs on another port) gets its own folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // Messages are compiled when the app is built, so browsers get no ICU message parser.
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
})(nextConfig);
