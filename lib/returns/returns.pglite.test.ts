import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineReturnTests } from "./returns.contract";

describe("return requests on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineReturnTests(db, { concurrent: false });
});
