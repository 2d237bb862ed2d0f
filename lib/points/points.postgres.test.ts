import { describeIfPostgres } from "@/test/databases";
import { useMigratedDatabase } from "@/lib/reservations/test-database";
import { definePointsTests } from "./points.contract";

describeIfPostgres("member points on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  definePointsTests(db, { concurrent: true });
});
