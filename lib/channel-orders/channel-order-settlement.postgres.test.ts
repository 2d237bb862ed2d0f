import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineChannelOrderSettlementTests } from "./channel-order-settlement.contract";

describeIfPostgres("a marketplace order in the settlement ledger on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineChannelOrderSettlementTests(db);
});
