import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { reconcileLedger } from "@/lib/inventory/reconcile-ledger.server";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { describeIfPostgres } from "@/lib/db/testing/databases";
import { placeOrder } from "./place-order.server";
import { createOrderWorld } from "./testing/order-world";

describeIfPostgres("checkouts racing on PostgreSQL", () => {
  const db = useMigratedDatabase("postgres", { poolSize: 20 });

  describe("many shoppers, little stock", () => {
    it("60 concurrent pickups of 2 units promise exactly 2, and the ledger reconciles", async () => {
      const prisma = db();
      const w = await createOrderWorld(prisma);
      const attempts = Array.from({ length: 60 }, (_, i) =>
        placeOrder(prisma, {
          channelCode: w.webCode,
          buyer: { kind: "MEMBER", userId: w.memberUserId },
          lines: [{ skuId: w.sku("rare"), quantity: 1 }],
          method: "PICKUP",
          destination: { kind: "store", nodeId: w.node("near") },
          contact: { name: `Shopper ${i}` },
          paymentProvider: "DEMO",
          idempotencyKey: `race-rare-${i}-${w.node("near")}`,
        }).then(
          () => "placed",
          (e: unknown) => (isAppError(e) ? e.code : String(e)),
        ),
      );
      const outcomes = await Promise.all(attempts);
      expect(outcomes.filter((o) => o === "placed")).toHaveLength(2);
      expect(new Set(outcomes.filter((o) => o !== "placed"))).toEqual(new Set(["OUT_OF_STOCK"]));
      const level = await prisma.stockLevel.findFirstOrThrow({
        where: { nodeId: w.node("near"), skuId: w.sku("rare") },
      });
      expect([level.onHand, level.reserved]).toEqual([2, 2]);
      expect(await reconcileLedger(prisma)).toEqual([]);
    });

    it("orders holding the same SKUs in opposite line order neither deadlock nor oversell", async () => {
      const prisma = db();
      const w = await createOrderWorld(prisma);
      const lines = (i: number) => {
        const both = [
          { skuId: w.sku("tee"), quantity: 1 },
          { skuId: w.sku("cap"), quantity: 1 },
        ];
        return i % 2 ? both : [...both].reverse();
      };
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          placeOrder(prisma, {
            channelCode: w.webCode,
            buyer: { kind: "MEMBER", userId: w.memberUserId },
            lines: lines(i),
            method: "EXPRESS",
            destination: {
              kind: "address",
              addressLine: "1 Nanjing Road",
              city: "Shanghai",
              latitude: 31.2355,
              longitude: 121.4815,
            },
            contact: { name: `Shopper ${i}` },
            paymentProvider: "DEMO",
            idempotencyKey: `race-pair-${i}-${w.node("near")}`,
          }).then(
            () => "placed",
            (e: unknown) => (isAppError(e) ? e.code : String(e)),
          ),
        ),
      );
      expect(outcomes.every((o) => o === "placed")).toBe(true);
      const reserved = await prisma.stockLevel.aggregate({
        where: { skuId: w.sku("cap") },
        _sum: { reserved: true },
      });
      expect(reserved._sum.reserved).toBe(40);
      expect(await reconcileLedger(prisma)).toEqual([]);
    });
  });
});
