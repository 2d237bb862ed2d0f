import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineReturnTests } from "./returns.contract";

describeIfPostgres("return requests on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineReturnTests(db, { concurrent: true });
});
