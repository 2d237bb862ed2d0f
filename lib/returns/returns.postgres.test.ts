import { describeIfPostgres } from "@/test/databases";
import { useMigratedDatabase } from "@/lib/reservations/test-database";
import { defineReturnTests } from "./returns.contract";

describeIfPostgres("return requests on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineReturnTests(db, { concurrent: true });
});
