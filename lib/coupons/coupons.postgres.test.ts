import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineCouponTests } from "./coupons.contract";

describeIfPostgres("coupons on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });
  defineCouponTests(db, { concurrent: true });
});
