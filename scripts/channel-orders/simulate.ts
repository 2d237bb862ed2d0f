import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { demoFeedToken } from "@/lib/feed/feed-token";
import { simulateConnectors } from "./simulate-connectors";
import { simulationSummary, simulationTable } from "./simulation-report";

// Plays marketplace connectors against a running store:
//   npm run channel:simulate -- --channel TMALL --orders 200 [--rate 20] [--concurrency 8]
//     [--base http://localhost:3000]
// --channel may be repeated or comma-separated. Tokens are the demo channels' connector tokens
// (feed-demo-<code>) unless --token is given. Prints a table, then the JSON figures on the last
// line; exits 1 when a resend was answered with another order or an event is missing.
const { values } = parseArgs({
  options: {
    base: { type: "string", default: process.env.ONEPOOL_URL ?? "http://localhost:3000" },
    channel: { type: "string", multiple: true, default: ["TMALL"] },
    orders: { type: "string", default: "50" },
    rate: { type: "string", default: "20" },
    concurrency: { type: "string", default: "8" },
    "resend-every": { type: "string", default: "5" },
    "pickup-store": { type: "string", default: "SH-001" },
    token: { type: "string" },
  },
});

const whole = (name: string, text: string | undefined) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return n;
};

const channels = values.channel.flatMap((c) => c.split(",")).filter(Boolean);
const started = performance.now();
const report = await simulateConnectors({
  base: values.base.replace(/\/$/, ""),
  channels,
  ordersPerChannel: whole("orders", values.orders),
  ratePerSecond: whole("rate", values.rate),
  concurrency: whole("concurrency", values.concurrency),
  resendEvery: whole("resend-every", values["resend-every"]),
  pickupStoreCode: values["pickup-store"] || undefined,
  tokenOf: (code) => values.token ?? demoFeedToken(code),
  runId: randomBytes(3).toString("hex"),
});
const summary = simulationSummary(report, performance.now() - started);
console.log(simulationTable(report));
console.log(JSON.stringify(summary));
if (!summary.ok) process.exit(1);
