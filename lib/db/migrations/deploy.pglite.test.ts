import { describe } from "vitest";
import { freshPglite } from "@/lib/db/testing/databases";
import { defineDeployTests } from "./deploy.contract";

describe("deployMigrations on the embedded PGlite", () => {
  defineDeployTests(freshPglite);
});
