import { beforeAll, describe, expect, it } from "vitest";
import { createShopWorld, createTestOrder, type ShopWorld } from "@/lib/cart/testing/shop-world";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { listOrderChannels, listOrders, orderListQuery } from "./list-orders.server";

describe("HQ's order list by channel and channel order id (embedded PGlite)", () => {
  const db = useMigratedDatabase("pglite");
  let world: ShopWorld;
  let webOrderNo: string;
  let tmallOrderNo: string;

  beforeAll(async () => {
    const prisma = db();
    world = await createShopWorld(prisma);
    const web = await prisma.channel.findUniqueOrThrow({ where: { id: world.webChannelId } });
    const tmall = await prisma.channel.create({
      data: {
        code: "TMALL",
        name: "Tmall",
        nameZh: "天猫",
        kind: web.kind,
        priority: 5,
        organizationId: web.organizationId,
      },
    });
    const line: [string, number, number] = [world.sku("tee"), 1, 59_900];
    const webOrder = await createTestOrder(prisma, world, { buyer: world.shopper, lines: [line] });
    const tmallOrder = await createTestOrder(prisma, world, { buyer: world.other, lines: [line] });
    await prisma.order.update({
      where: { id: tmallOrder.id },
      data: { channelId: tmall.id, channelOrderId: "TM-20261206-0042" },
    });
    webOrderNo = webOrder.orderNo;
    tmallOrderNo = tmallOrder.orderNo;
  });

  const list = (raw: Record<string, string>) => listOrders(db(), orderListQuery.parse(raw));

  it("filters by a channel's code, in either case, and ignores a code naming no channel", async () => {
    const tmall = await list({ channel: "tmall" });
    expect(tmall.channel).toBe("TMALL");
    expect(tmall.orders.map((o) => o.orderNo)).toEqual([tmallOrderNo]);
    expect(tmall.orders[0]).toMatchObject({
      channel: { code: "TMALL", name: "Tmall", nameZh: "天猫" },
      channelOrderId: "TM-20261206-0042",
    });

    const web = await list({ channel: "WEB" });
    expect(web.orders.map((o) => [o.orderNo, o.channelOrderId])).toEqual([[webOrderNo, null]]);

    for (const channel of ["NOPE", "bad code!", "x".repeat(40)]) {
      const all = await list({ channel });
      expect(all.channel).toBeUndefined();
      expect(all.total).toBe(2);
    }
  });

  it("finds a marketplace order by its channel order id, whole or in part", async () => {
    expect((await list({ q: "TM-20261206-0042" })).orders.map((o) => o.orderNo)).toEqual([
      tmallOrderNo,
    ]);
    expect((await list({ q: "tm-20261206" })).orders.map((o) => o.orderNo)).toEqual([tmallOrderNo]);
    expect((await list({ q: "0042", channel: "WEB" })).total).toBe(0);
  });

  it("lists the channels to filter by, by code", async () => {
    const codes = (await listOrderChannels(db())).map((c) => c.code);
    expect(codes).toContain("TMALL");
    expect(codes).toContain("WEB");
    expect(codes).toEqual([...codes].sort());
  });
});
