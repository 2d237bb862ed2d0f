import { writeFileSync } from "node:fs";
import path from "node:path";
import { channelApiDocument } from "@/lib/channel-orders/channel-api-openapi";

// Usage: npx tsx scripts/openapi/write-channel-api.ts — writes public/openapi/channel-api.json,
// served by the app at /openapi/channel-api.json; a test fails when it is out of date.
const target = path.join(process.cwd(), "public", "openapi", "channel-api.json");
writeFileSync(target, `${JSON.stringify(channelApiDocument(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
