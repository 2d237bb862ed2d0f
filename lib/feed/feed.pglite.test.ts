import { describe } from "vitest";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { defineFeedTests } from "./feed.contract";

describe("channel stock feed on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  defineFeedTests(db);
});
