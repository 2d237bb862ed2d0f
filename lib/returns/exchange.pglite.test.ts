import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineExchangeTests } from "./exchange.contract";

describe("exchanges at the store on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineExchangeTests(db, { concurrent: false });
});
