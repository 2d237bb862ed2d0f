import { describe, expect, it } from "vitest";
import {
  declaredLength,
  isActionOriginAllowed,
  isDecodableActionBody,
  isDecodablePath,
  isServerActionCall,
} from "./request-guards";

describe("isDecodablePath", () => {
  it.each(["/", "/products/RN-101", "/products/%E4%B8%AD", "/shop?q=%FF", "/a%20b#%FF"])(
    "lets %s through",
    (url) => {
      expect(isDecodablePath(url)).toBe(true);
    },
  );

  it.each(["/%C0%AF", "/products/%FF", "/%", "/shop/%E0%A4%A", "/%zz"])("refuses %s", (url) => {
    expect(isDecodablePath(url)).toBe(false);
  });
});

describe("isServerActionCall", () => {
  it("is a POST with a Next-Action header", () => {
    expect(isServerActionCall("POST", { "next-action": "7f00" })).toBe(true);
    expect(isServerActionCall("GET", { "next-action": "7f00" })).toBe(false);
    expect(isServerActionCall("POST", {})).toBe(false);
  });
});

describe("isActionOriginAllowed", () => {
  it.each([
    [{ host: "shop.example", origin: "https://shop.example" }, true],
    [{ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, true],
    [{ host: "SHOP.example", origin: "https://shop.example" }, true],
    [{ host: "shop.example" }, true],
    [
      { host: "internal:3000", "x-forwarded-host": "shop.example", origin: "https://shop.example" },
      true,
    ],
    [{ host: "shop.example", origin: "https://elsewhere.example" }, false],
    [{ host: "shop.example", origin: "https://shop.example.elsewhere.example" }, false],
    [{ host: "shop.example:3000", origin: "https://shop.example" }, false],
    [{ host: "shop.example", origin: "null" }, false],
    [{ host: "shop.example", origin: "::::" }, false],
    [{ origin: "https://shop.example" }, false],
  ])("%o → %s", (headers, allowed) => {
    expect(isActionOriginAllowed(headers)).toBe(allowed);
  });
});

describe("declaredLength", () => {
  it("reads Content-Length, null when streamed or unreadable", () => {
    expect(declaredLength({ "content-length": "1048577" })).toBe(1_048_577);
    expect(declaredLength({})).toBeNull();
    expect(declaredLength({ "content-length": "-1" })).toBeNull();
  });
});

function multipart(fields: Record<string, string>): { contentType: string; body: Buffer } {
  const boundary = "----onepool-test";
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
  };
}

describe("isDecodableActionBody", () => {
  const text = "text/plain;charset=UTF-8";
  const decodable = (contentType: string | undefined, body: string | Buffer) =>
    isDecodableActionBody(contentType, typeof body === "string" ? Buffer.from(body) : body);

  it.each([
    '["en"]',
    "[]",
    '[{"quantity":2,"skuId":"sku_1"}]',
    '["$$escaped", "$undefined", "$u", "$D2026-01-01T00:00:00.000Z", "$n123", "$NaN", "$-0", "$T"]',
    '[[["deep"]], {"nested": {"value": 1}}]',
  ])("accepts the arguments %s", async (body) => {
    expect(await decodable(text, body)).toBe(true);
  });

  it.each([
    "junk{",
    "",
    '{"not":"an array"}',
    '"en"',
    '["$Q1"]',
    '["$@1"]',
    '["$1"]',
    '[{"file": "$K2"}]',
    '["$nabc"]',
    `${"[".repeat(300)}${"]".repeat(300)}`,
  ])("refuses %j, which Next cannot decode", async (body) => {
    expect(await decodable(text, body)).toBe(false);
  });

  it("leaves url-encoded bodies to Next, which answers them 4xx itself", async () => {
    expect(await decodable("application/x-www-form-urlencoded", "junk{")).toBe(true);
  });

  it("accepts multipart arguments whose references name present parts", async () => {
    const { contentType, body } = multipart({ "0": '["$Q1"]', "1": '[["a", 1]]' });
    expect(await decodable(contentType, body)).toBe(true);
    const hex = multipart({ "0": '["$@a"]', "10": '"ten"' });
    expect(await decodable(hex.contentType, hex.body)).toBe(true);
    const form = multipart({ "0": '["$K1"]', "1_name": "Li" });
    expect(await decodable(form.contentType, form.body)).toBe(true);
  });

  it("accepts a form posted without JavaScript", async () => {
    const { contentType, body } = multipart({ $ACTION_ID_7f00: "", locale: "en" });
    expect(await decodable(contentType, body)).toBe(true);
  });

  it.each([
    [{ "0": '["$Q1"]' }, "a reference to a missing part"],
    [{ "0": "junk{" }, "a root that is not JSON"],
    [{ "1": '["en"]' }, "no root part"],
    [{ "0": '["$Q1"]', "1": '["$W2"]' }, "a missing part referenced by a present one"],
  ] as [Record<string, string>, string][])("refuses multipart %o (%s)", async (fields) => {
    const { contentType, body } = multipart(fields);
    expect(await decodable(contentType, body)).toBe(false);
  });

  it("refuses multipart bodies that are not multipart", async () => {
    expect(await decodable("multipart/form-data; boundary=x", "garbage")).toBe(false);
    expect(await decodable("multipart/form-data", "garbage")).toBe(false);
  });
});
