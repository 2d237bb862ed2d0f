import { describe } from "vitest";
import { freshPglite } from "@/test/databases";
import { defineDeployTests } from "./deploy.contract";

describe("deployMigrations on the embedded PGlite", () => {
  defineDeployTests(freshPglite);
});
