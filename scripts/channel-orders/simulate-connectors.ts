import { latencyOf, type Latency } from "../bench/stats";

// A crowd of marketplace connectors against a running OnePool: each channel reads its stock
// feed, posts orders for what it may sell at a steady rate, resends some of them (as a connector
// that timed out would), then reads its order events back. What it reports is what a connector
// would see.

export type SimulateOptions = {
  /** e.g. http://localhost:3000 */
  base: string;
  channels: readonly string[];
  ordersPerChannel: number;
  tokenOf: (channelCode: string) => string;
  /** Names this run's order ids, so that runs never collide. */
  runId: string;
  fetch?: typeof fetch;
  /** One in `resendEvery` orders is sent twice. */
  resendEvery?: number;
  /** New orders per second per channel; all at once when absent. */
  ratePerSecond?: number;
  /**
   * Requests a channel's connector keeps in flight at most (a real connector's worker pool), so
   * that latency is the store's answer time rather than a queue the simulator built; unbounded
   * when absent.
   */
  concurrency?: number;
  /** One in three orders is collected at this store when given; the rest go by express. */
  pickupStoreCode?: string;
};

export type ChannelReport = {
  placed: number;
  resent: number;
  /** Resends answered with the first answer's order number (must equal `resent`). */
  resendsSame: number;
  refused: Record<string, number>;
  events: Record<string, number>;
  /** Latency of first sends, whatever their answer. */
  latency: Latency;
};

type Json = Record<string, unknown>;

const count = (tally: Record<string, number>, key: string) => {
  tally[key] = (tally[key] ?? 0) + 1;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the connectors of every channel side by side; the report is per channel code. */
export async function simulateConnectors(
  options: SimulateOptions,
): Promise<Record<string, ChannelReport>> {
  const reports = await Promise.all(options.channels.map((code) => runChannel(options, code)));
  return Object.fromEntries(options.channels.map((code, i) => [code, reports[i]!]));
}

/** The order a connector sends as its `i`-th: alternating SKUs and quantities, some pickups. */
export function simulatedOrder(
  options: Pick<SimulateOptions, "runId" | "pickupStoreCode">,
  code: string,
  skus: readonly string[],
  i: number,
) {
  const pickup = options.pickupStoreCode !== undefined && i % 3 === 2;
  return {
    channelOrderId: `SIM-${options.runId}-${code}-${i}`,
    lines: [{ sku: skus[i % skus.length]!, quantity: 1 + (i % 2), unitPrice: 9_900 }],
    buyer: {
      name: `Simulated buyer ${i}`,
      phone: `+86 139 0000 ${String(i % 10_000).padStart(4, "0")}`,
    },
    ...(pickup
      ? { method: "PICKUP", pickupStoreCode: options.pickupStoreCode }
      : {
          method: "EXPRESS",
          address: { addressLine: "353 Nanjing Road East", city: "Shanghai" },
        }),
    paid: true,
  };
}

async function runChannel(options: SimulateOptions, code: string): Promise<ChannelReport> {
  const call = options.fetch ?? fetch;
  const headers = { authorization: `Bearer ${options.tokenOf(code)}` };
  const url = (path: string) => `${options.base}/api/channels/${encodeURIComponent(code)}/${path}`;
  const stock = await call(url("stock"), { headers });
  if (!stock.ok) throw new Error(`${code}: the stock feed answered ${stock.status}`);
  const snapshot = (await stock.json()) as { items?: { skuCode: string; ats: number }[] };
  const skus = (snapshot.items ?? []).filter((i) => i.ats > 0).map((i) => i.skuCode);
  const report: ChannelReport = {
    placed: 0,
    resent: 0,
    resendsSame: 0,
    refused: {},
    events: {},
    latency: latencyOf([]),
  };
  if (skus.length === 0) return report;
  const latencies: number[] = [];
  const slots = slotsOf(options.concurrency);
  /** Posts an order once a slot is free; `took` is the store's answer time, not the wait. */
  const post = async (body: Json) => {
    const release = await slots.take();
    const sentAt = performance.now();
    try {
      const response = await call(url("orders"), {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as Json;
      return { status: response.status, body: answer, took: performance.now() - sentAt };
    } finally {
      release();
    }
  };
  const resendEvery = options.resendEvery ?? 5;
  const gapMs = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.ordersPerChannel }, async (_, i) => {
      await sleep(Math.max(0, started + i * gapMs - performance.now()));
      const body = simulatedOrder(options, code, skus, i);
      const first = await post(body);
      latencies.push(first.took);
      if (first.status === 200 || first.status === 201) report.placed++;
      else count(report.refused, refusalReason(first.body));
      if (i % resendEvery !== 0) return;
      report.resent++;
      const again = await post(body);
      const same =
        first.status >= 400 ? again.status >= 400 : again.body.orderNo === first.body.orderNo;
      if (same) report.resendsSame++;
    }),
  );
  report.latency = latencyOf(latencies);
  for (let since = 0; ;) {
    const page = (await (await call(url(`order-events?since=${since}`), { headers })).json()) as {
      cursor: number;
      hasMore: boolean;
      events: { channelOrderId: string; kind: string }[];
    };
    for (const e of page.events)
      if (e.channelOrderId.startsWith(`SIM-${options.runId}-`)) count(report.events, e.kind);
    if (!page.hasMore) break;
    since = page.cursor;
  }
  return report;
}

/** At most `size` holders at once; the others wait in arrival order. */
function slotsOf(size = Number.POSITIVE_INFINITY) {
  let free = size;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    /** Waits for a slot; the answer gives it back. */
    async take(): Promise<() => void> {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      return release;
    },
  };
}

function refusalReason(body: Json): string {
  const error = body.error as { code?: string; details?: { reason?: string } } | undefined;
  return `${error?.code ?? "?"}/${error?.details?.reason ?? "-"}`;
}
