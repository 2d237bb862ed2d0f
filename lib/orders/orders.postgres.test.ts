import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineOrderTests } from "./orders.contract";

describeIfPostgres("orders on PostgreSQL", () => {
  defineOrderTests(useMigratedDatabase("postgres"));
});
