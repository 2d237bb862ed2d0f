import { describeIfPostgres } from "@/test/databases";
import { useMigratedDatabase } from "@/lib/reservations/test-database";
import { defineOrderTests } from "./orders.contract";

describeIfPostgres("orders on PostgreSQL", () => {
  defineOrderTests(useMigratedDatabase("postgres"));
});
