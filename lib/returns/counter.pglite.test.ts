import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineCounterTests } from "./counter.contract";

describe("returns at the counter and their refunds on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineCounterTests(db);
});
