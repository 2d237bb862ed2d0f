import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { definePointsTests } from "./points.contract";

describe("member points on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  definePointsTests(db, { concurrent: false });
});
