import { describe, expect, it } from "vitest";
import { parseCheckoutOptions } from "./checkout-options";

describe("parseCheckoutOptions", () => {
  it("has the defaults the issue names", () => {
    expect(parseCheckoutOptions([])).toMatchObject({
      mode: "sell-out",
      shoppers: 300,
      concurrency: 50,
      units: 100,
      quantity: 1,
      sku: "LS-301-CRM-36",
      store: "SH-001",
      build: true,
      redis: false,
      redisRest: false,
      floor: false,
      cpuProfDir: null,
      instances: 1,
    });
  });

  it("reads every flag", () => {
    expect(
      parseCheckoutOptions([
        "--mode",
        "ample",
        "--shoppers",
        "10",
        "--concurrency",
        "5",
        "--units",
        "7",
        "--no-build",
        "--redis",
        "--redis-rest",
        "--floor",
        "--cpu-prof",
        "prof",
        "--port",
        "3999",
        "--top",
        "5",
        "--instances",
        "2",
      ]),
    ).toMatchObject({
      mode: "ample",
      shoppers: 10,
      concurrency: 5,
      units: 7,
      build: false,
      redis: true,
      redisRest: true,
      floor: true,
      cpuProfDir: "prof",
      port: 3999,
      top: 5,
      instances: 2,
    });
  });

  it("takes --redis-rest alone as --redis through the proxy", () => {
    expect(parseCheckoutOptions(["--redis-rest"])).toMatchObject({ redis: true, redisRest: true });
  });

  it("returns null for --help and refuses bad values", () => {
    expect(parseCheckoutOptions(["--help"])).toBeNull();
    expect(() => parseCheckoutOptions(["--mode", "flash"])).toThrow(/--mode/);
    expect(() => parseCheckoutOptions(["--shoppers", "0"])).toThrow(/--shoppers/);
    expect(() => parseCheckoutOptions(["--concurrency", "2.5"])).toThrow(/--concurrency/);
    expect(() => parseCheckoutOptions(["--port", "70000"])).toThrow(/--port/);
    expect(() => parseCheckoutOptions(["--instances", "0"])).toThrow(/--instances/);
    expect(() => parseCheckoutOptions(["--port", "65535", "--instances", "2"])).toThrow(/65535/);
    expect(() => parseCheckoutOptions(["--unknown"])).toThrow();
  });
});
