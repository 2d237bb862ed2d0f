import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineFulfilmentTests } from "./fulfilment.contract";

describe("fulfilment on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineFulfilmentTests(db);
});
