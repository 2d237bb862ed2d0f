import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = PORT === 3100 ? ".data/e2e" : `.data/e2e-${PORT}`;
const DIST_DIR = PORT === 3100 ? ".next" : `.next-e2e-${PORT}`;

// End-to-end tests seed and mutate their database: never let them near a remote one.
if (process.env.DATABASE_URL) {
  const host = new URL(process.env.DATABASE_URL).hostname;
  if (!["localhost", "127.0.0.1", "::1"].includes(host)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
  }
}

function chromiumPath(): string {
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "Debian's chromium is required for end-to-end tests: apt-get install -y chromium",
    );
  }
}

const roles = ["anonymous", "consumer", "employee", "store-staff", "admin"] as const;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // One project per audience, each with its own spec file.
  projects: roles.map((role) => ({
    name: role,
    testMatch: `${role}*.spec.ts`,
    use: { ...devices["Desktop Chrome"] },
  })),
  webServer: {
    // A fresh embedded database per run, migrated and seeded by the same path as `npm start`.
    // Another port gets its own database and build folder, so two runs can share a checkout.
    command: `rm -rf ${DATA_DIR} && tsx --conditions=react-server scripts/start.ts`,
    url: `${baseURL}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PGLITE_DATA_DIR: DATA_DIR,
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(PORT),
      NEXTAUTH_URL: baseURL,
      SIGNIN_ATTEMPTS_PER_MINUTE: "20",
      // Checkout's hold-expiry test asks for a short hold on its own order (?holdSeconds=…);
      // every other order keeps the normal PICKUP_HOLD_MINUTES.
      E2E_SHORT_HOLDS: "true",
      // Webhooks are verified with this secret; payments stay on the demo provider (no secret key).
      STRIPE_WEBHOOK_SECRET: "whsec_e2e_onepool_checkout",
    },
  },
});
