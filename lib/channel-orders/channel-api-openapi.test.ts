import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { channelApiDocument } from "./channel-api-openapi";

describe("channel API document", () => {
  // The generator's types make every part optional; this document has them all.
  const doc = channelApiDocument() as unknown as {
    security: unknown;
    components: { schemas: Record<string, unknown> };
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };

  it("is the file the app serves (run scripts/openapi/write-channel-api.ts when it is not)", () => {
    const file = path.join(process.cwd(), "public", "openapi", "channel-api.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("documents the order body from the route's own schema: whole fen, both ways to name a SKU", () => {
    const body = doc.components.schemas.ChannelOrder as {
      required: string[];
      properties: { lines: { items: { properties: Record<string, { type: string }> } } };
    };
    expect(body.required).toEqual(
      expect.arrayContaining(["channelOrderId", "lines", "buyer", "method", "paid"]),
    );
    expect(body.required).not.toContain("shippingFee");
    const line = body.properties.lines.items.properties;
    expect(Object.keys(line)).toEqual(["sku", "barcode", "quantity", "unitPrice"]);
    expect(line.unitPrice?.type).toBe("integer");
  });

  it("documents every answer from the zod schemas the route tests check answers with", () => {
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      "ChannelOrder",
      "ChannelOrderReceipt",
      "OrderEventPage",
      "Refusal",
      "StockFeed",
    ]);
    const receipt = doc.components.schemas.ChannelOrderReceipt as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(receipt.properties.status?.enum).toContain("PENDING_PAYMENT");
    expect(Object.keys(receipt.properties)).toContain("holdExpiresAt");
  });

  it("names every path a connector uses, each behind the channel's token", () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/channels/{code}/order-events",
      "/api/channels/{code}/orders",
      "/api/channels/{code}/stock",
    ]);
    expect(doc.security).toEqual([{ channelToken: [] }]);
    expect(
      Object.keys(doc.paths["/api/channels/{code}/orders"]?.post?.responses ?? {}).sort(),
    ).toEqual(["200", "201", "400", "401", "403", "404", "409", "422"]);
  });
});
