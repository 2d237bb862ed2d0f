import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The floor for Lighthouse on this machine: a bare Next.js page (one link, one heading, one
 * paragraph; no styles, data or components of ours) built with the store's own Next.js and
 * React and audited beside the store's pages in the same run. What the store's pages score
 * below it is ours to win back; what the floor itself scores is the framework on this CPU.
 */
export const FLOOR_PAGE_FILES: Record<string, string> = {
  "app/layout.tsx": `export default function Layout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body style={{ fontFamily: "system-ui, sans-serif" }}>{children}</body></html>);
}
`,
  "app/page.tsx": `import Link from "next/link";
export default function Page() {
  return (
    <main>
      <Link href="/">OnePool</Link>
      <h1>Velocity Run 3</h1>
      <p>Everyday trainer with a responsive foam midsole and a breathable engineered-mesh upper.</p>
    </main>
  );
}
`,
  // Without their own, Next would pick up the store's instrumentation and proxy from the
  // workspace root; this proxy matches no request.
  "instrumentation.ts": "export function register() {}\n",
  "proxy.ts": `import { NextResponse } from "next/server";
export function proxy() {
  return NextResponse.next();
}
export const config = { matcher: "/floor-proxy-matches-nothing" };
`,
  "next.config.mjs": `export default { generateEtags: false, turbopack: { root: ${JSON.stringify(process.cwd())} } };\n`,
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      lib: ["dom", "esnext"],
      jsx: "react-jsx",
      module: "esnext",
      moduleResolution: "bundler",
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      esModuleInterop: true,
      isolatedModules: true,
      allowJs: true,
      incremental: false,
    },
    include: ["**/*.ts", "**/*.tsx"],
  }),
};

export type FloorServer = { baseUrl: string; dir: string; stop: () => Promise<void> };

/**
 * Writes, builds and starts a bare app (the floor page unless `files` says otherwise) in `dir`
 * (inside the repository, so it resolves the store's node_modules).
 */
export async function startFloorServer(options: {
  port: number;
  dir: string;
  files?: Record<string, string>;
}): Promise<FloorServer> {
  const dir = path.resolve(options.dir);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(options.files ?? FLOOR_PAGE_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const next = path.resolve("node_modules/.bin/next");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync(next, ["build"], {
    cwd: dir,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) throw new Error(`the floor page did not build (exit ${build.status})`);
  const child = spawn(next, ["start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: dir,
    env,
    detached: true,
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(baseUrl, { signal: AbortSignal.timeout(5_000) })).ok)
        return { baseUrl, dir, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("the floor page did not answer within 60 s");
}
