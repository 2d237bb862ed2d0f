import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineOrderTests } from "./orders.contract";

describe("orders on the embedded PGlite", () => {
  defineOrderTests(useMigratedDatabase("pglite"));
});
