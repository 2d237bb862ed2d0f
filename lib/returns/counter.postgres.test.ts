import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineCounterTests } from "./counter.contract";

describeIfPostgres("returns at the counter and their refunds on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineCounterTests(db);
});
