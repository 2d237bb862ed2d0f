import { spawn, type ChildProcess } from "node:child_process";

/** A store started for the benchmark on its own port, database folder and build folder. */
/** A running store; `group` is its process group (the server and what it forks). */
export type BenchServer = { baseUrl: string; group: number | null; stop: () => Promise<void> };

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the store exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`the store did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Whether any process of the group is still running. */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the store the way `npm start` does (migrate, seed on first run, build, serve), as the
 * end-to-end tests do, so the benchmark measures the production server.
 */
export async function startBenchServer(options: {
  port: number;
  dataDir: string;
  distDir: string;
  build: boolean;
  /** Set over the inherited environment; an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
  /** Node flags for the serving process alone (e.g. `--cpu-prof`), not for the build. */
  serverNodeArgs?: readonly string[];
}): Promise<BenchServer> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const args = [
    "tsx",
    "--conditions=react-server",
    "scripts/start.ts",
    ...(options.build ? [] : ["--no-build"]),
    ...(options.serverNodeArgs ?? []).map((arg) => `--server-node-arg=${arg}`),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    PGLITE_DATA_DIR: options.dataDir,
    NEXT_DIST_DIR: options.distDir,
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  // Its own process group, so stopping it also stops the server it forks.
  const child = spawn("npx", args, {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  // Stopped once every process of the group has exited: the server itself may outlive `npx`
  // (a server writing a CPU profile on exit does), and is killed only if it takes too long.
  const stop = async () => {
    const group = child.pid;
    if (group === undefined || !groupAlive(group)) return;
    process.kill(-group, "SIGTERM");
    const deadline = Date.now() + 30_000;
    while (groupAlive(group) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (groupAlive(group)) process.kill(-group, "SIGKILL");
  };
  try {
    await waitUntilUp(`${baseUrl}/signin`, child, 15 * 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, group: child.pid ?? null, stop };
}
