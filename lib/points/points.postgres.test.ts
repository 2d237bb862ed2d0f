import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { definePointsTests } from "./points.contract";

describeIfPostgres("member points on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  definePointsTests(db, { concurrent: true });
});
