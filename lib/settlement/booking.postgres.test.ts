import { describeIfPostgres } from "@/lib/db/testing/databases";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineBookingTests } from "./booking.contract";

describeIfPostgres("settlement booked by payments, refunds and cancellations on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres");
  defineBookingTests(db);
});
