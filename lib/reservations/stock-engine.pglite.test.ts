import { describe } from "vitest";
import { defineBadInputTests } from "./bad-input.contract";
import { defineBundleAndPresaleTests } from "./bundles-presale.contract";
import { defineLifecycleTests } from "./lifecycle.contract";
import { defineReserveTests } from "./reserve.contract";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";

describe("stock engine on the embedded PGlite", () => {
  const db = useMigratedDatabase("pglite");
  describe("reserving", () => defineReserveTests(db));
  describe("release, confirm, consume, expiry", () => defineLifecycleTests(db));
  describe("bundles and presale", () => defineBundleAndPresaleTests(db));
  describe("bad input", () => defineBadInputTests(db));
});
