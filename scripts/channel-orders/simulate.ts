import { randomBytes } from "node:crypto";
import { demoFeedToken } from "@/lib/feed/feed-token";
import { simulateConnectors } from "./simulate-connectors";

// Usage: npx tsx scripts/channel-orders/simulate.ts [base URL] [channels] [orders per channel]
// e.g.   npx tsx scripts/channel-orders/simulate.ts http://localhost:3000 TMALL,JD,DOUYIN 30
// Uses the demo channels' connector tokens (feed-demo-<code>); exits 1 when a resend was
// answered with another order.
const [base = "http://localhost:3000", channels = "TMALL,JD", orders = "20"] =
  process.argv.slice(2);

const report = await simulateConnectors({
  base,
  channels: channels.split(",").filter(Boolean),
  ordersPerChannel: Number(orders),
  tokenOf: demoFeedToken,
  runId: randomBytes(3).toString("hex"),
});
console.log(JSON.stringify(report, null, 2));
if (Object.values(report).some((r) => r.resendsSame !== r.resent)) process.exit(1);
