import { z } from "zod";

// Runs in the browser before the app hydrates. zod probes whether it may compile parsers with
// `new Function` (eval); under the Content-Security-Policy (no 'unsafe-eval', proxy.ts) the probe
// is refused and reported as a violation on every page with a form. It falls back to its plain
// parser anyway; saying so up front skips the probe.
z.config({ jitless: true });
