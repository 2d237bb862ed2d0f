import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineExchangeTests } from "./exchange.contract";

describeIfPostgres("exchanges at the store on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineExchangeTests(db, { concurrent: true });
});
