import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  actionBody,
  actionIdOf,
  actionValueOf,
  type ServerReferenceManifest,
} from "./checkout-action";
import { drive } from "./drive";
import { FLOOR_PAGE_FILES, startFloorServer } from "./pages-floor";
import { latencyOf, perSecond, type Latency } from "./stats";

/**
 * The floor for a press on this machine: the bare floor app plus one server action that reads
 * nothing and answers a refusal at once, built with the store's own Next.js and React and served
 * by `next start` on the same Node. No press through the store can be answered faster than
 * this; what the store's refusals take above it is its own work (session, limits, gate, reads).
 */
const ACTION_FLOOR_FILES: Record<string, string> = {
  ...FLOOR_PAGE_FILES,
  "app/press/actions.ts": `"use server";
export async function press(): Promise<{ ok: false; code: string }> {
  return { ok: false, code: "OUT_OF_STOCK" };
}
`,
  "app/press/page.tsx": `import { press } from "./actions";
export default function Page() {
  return (<form action={async () => { "use server"; await press(); }}><button>Place order</button></form>);
}
`,
};

export type ActionFloor = { calls: number; callsPerSec: number; latency: Latency };

/** Builds and serves the floor app on `port`, and calls its action `calls` times, `concurrency` at once. */
export async function measureActionFloor(options: {
  port: number;
  calls: number;
  concurrency: number;
}): Promise<ActionFloor> {
  const server = await startFloorServer({
    port: options.port,
    dir: ".next-bench-action-floor",
    files: ACTION_FLOOR_FILES,
  });
  try {
    const manifestPath = path.join(server.dir, ".next/server/server-reference-manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as ServerReferenceManifest;
    // Named from the workspace root, which is the store's.
    const actionFile = path.relative(process.cwd(), path.join(server.dir, "app/press/actions.ts"));
    const id = actionIdOf(manifest, actionFile, "press");
    const call = async () => {
      const response = await fetch(`${server.baseUrl}/press`, {
        method: "POST",
        headers: {
          Accept: "text/x-component",
          "Content-Type": "text/plain;charset=UTF-8",
          "Next-Action": id,
          Origin: server.baseUrl,
        },
        body: actionBody([]),
      });
      const text = await response.text();
      const value = actionValueOf(text) as { code?: string };
      if (value.code !== "OUT_OF_STOCK")
        throw new Error(`the floor action answered ${response.status}: ${text.slice(0, 200)}`);
      return { ok: false as const, code: value.code };
    };
    // Unrecorded, as a server that has served a while: the first calls compile and warm up.
    await drive({
      attempts: 500,
      concurrency: options.concurrency,
      deadlineMs: 30_000,
      attempt: call,
    });
    const run = await drive({
      attempts: options.calls,
      concurrency: options.concurrency,
      deadlineMs: 60_000,
      attempt: call,
    });
    if (run.errors > 0) throw new Error(`the floor action failed: ${run.firstError ?? ""}`);
    return {
      calls: run.started,
      callsPerSec: perSecond(run.started, run.wallMs),
      latency: latencyOf(run.latenciesMs),
    };
  } finally {
    await server.stop();
  }
}
