import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineEmployeeOrderTests } from "./employee-orders.contract";

describe("employee orders on the embedded PGlite", () => {
  defineEmployeeOrderTests(useMigratedDatabase("pglite"));
});
