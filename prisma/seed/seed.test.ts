import { describe } from "vitest";
import {
  createThrowawayPostgres,
  describeIfPostgres,
  freshPglite,
} from "@/lib/db/testing/databases";
import { defineSeedTests } from "./seed.contract";

describe("seedDemoData on the embedded PGlite", () => {
  defineSeedTests(freshPglite);
});

describeIfPostgres("seedDemoData on PostgreSQL", () => {
  defineSeedTests(async () => {
    const database = await createThrowawayPostgres();
    return { target: { kind: "postgres", url: database.url }, cleanup: database.drop };
  });
});
