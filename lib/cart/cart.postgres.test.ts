import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineCartTests } from "./cart.contract";

describeIfPostgres("shop cart on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineCartTests(db, { concurrent: true });
});
