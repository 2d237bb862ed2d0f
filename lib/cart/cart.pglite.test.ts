import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineCartTests } from "./cart.contract";

describe("shop cart on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineCartTests(db, { concurrent: false });
});
