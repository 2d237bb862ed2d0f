import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { pageRewrites } from "./i18n/page-rewrites";

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
