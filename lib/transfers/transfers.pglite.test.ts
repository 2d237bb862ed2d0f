import { describe, vi } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineTransferTests } from "./transfers.contract";

const feed = vi.hoisted(() => ({ notified: 0 }));
vi.mock("@/lib/feed/feed-publisher.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/feed/feed-publisher.server")>()),
  notifyStockChanged: () => {
    feed.notified++;
  },
}));

describe("transfer orders on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineTransferTests(db, () => feed.notified);
});
