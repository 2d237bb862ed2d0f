import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineCouponTests } from "./coupons.contract";

describe("coupons on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineCouponTests(db, { concurrent: false });
});
