import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineEmployeeOrderTests } from "./employee-orders.contract";

describeIfPostgres("employee orders on PostgreSQL", () => {
  defineEmployeeOrderTests(useMigratedDatabase("postgres"));
});
