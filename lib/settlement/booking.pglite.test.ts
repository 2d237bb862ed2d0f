import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineBookingTests } from "./booking.contract";

describe("settlement booked by payments, refunds and cancellations on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineBookingTests(db);
});
