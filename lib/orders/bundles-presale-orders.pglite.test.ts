import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineBundlePresaleOrderTests } from "./bundles-presale-orders.contract";

describe("bundle and presale orders on the embedded PGlite", () => {
  defineBundlePresaleOrderTests(useMigratedDatabase("pglite"));
});
