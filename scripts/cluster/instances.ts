import { spawn, type ChildProcess } from "node:child_process";

/** One running app server of a cluster. */
export type Instance = { baseUrl: string; output: () => string; stop: () => Promise<void> };

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts the production server (scripts/serve.ts, as `npm start` runs it) on `port` with the
 * shared environment every instance behind a load balancer gets, over an existing build.
 */
export async function startInstance(
  port: number,
  env: Record<string, string | undefined>,
): Promise<Instance> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx/esm", "scripts/serve.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port) },
  });
  let log = "";
  const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  };
  try {
    await waitUntilUp(`${baseUrl}/signin`, child, 120_000);
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${log}`);
  }
  return { baseUrl, output: () => log, stop };
}
