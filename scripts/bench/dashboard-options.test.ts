import { describe, expect, it } from "vitest";
import { parseDashboardOptions } from "./dashboard-options";

describe("parseDashboardOptions", () => {
  it("defaults to 10× data, 30 runs after 3 warm-ups, server time only", () => {
    expect(parseDashboardOptions([])).toMatchObject({
      scale: 10,
      runs: 30,
      warmup: 3,
      city: "Shanghai",
      store: null,
      http: false,
      explain: false,
      build: true,
    });
  });

  it("reads the flags, and null for --help", () => {
    expect(
      parseDashboardOptions([
        "--scale",
        "2",
        "--runs",
        "5",
        "--warmup",
        "0",
        "--http",
        "--no-build",
      ]),
    ).toMatchObject({ scale: 2, runs: 5, warmup: 0, http: true, build: false });
    expect(parseDashboardOptions(["--help"])).toBeNull();
  });

  it("refuses a scale or run count that is not a whole number of at least 1", () => {
    expect(() => parseDashboardOptions(["--scale", "0"])).toThrow(/--scale/);
    expect(() => parseDashboardOptions(["--runs", "2.5"])).toThrow(/--runs/);
    expect(() => parseDashboardOptions(["--port", "70000"])).toThrow(/--port/);
  });
});
