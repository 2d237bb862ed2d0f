import { describeIfPostgres } from "@/test/databases";
import { useMigratedDatabase } from "@/lib/reservations/test-database";
import { defineCouponTests } from "./coupons.contract";

describeIfPostgres("coupons on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });
  defineCouponTests(db, { concurrent: true });
});
