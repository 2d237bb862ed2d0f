import { describeIfPostgres } from "@/test/databases";
import { useMigratedDatabase } from "@/lib/reservations/test-database";
import { defineCartTests } from "./cart.contract";

describeIfPostgres("shop cart on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineCartTests(db, { concurrent: true });
});
