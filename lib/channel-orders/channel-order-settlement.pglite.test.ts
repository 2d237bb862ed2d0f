import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineChannelOrderSettlementTests } from "./channel-order-settlement.contract";

describe("a marketplace order in the settlement ledger on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineChannelOrderSettlementTests(db);
});
