import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { addCartItem, openCart } from "@/lib/cart/cart-store.server";
import { createShopWorld, type ShopWorld } from "@/lib/cart/testing/shop-world";
import { useMigratedDatabase } from "@/lib/db/testing/test-database";
import { AppError, isAppError, refusalOf, type Refusal } from "@/lib/errors/app-error";
import {
  localizeAvailability,
  localizeRefusal,
  type RefusalIntl,
} from "@/lib/i18n/localize-refusal";
import { MESSAGES } from "@/messages";
import { nameRefusedItems } from "./name-refused-items.server";
import { placeOrder } from "./place-order.server";
import { createOrderWorld, NEAR_POINT, type OrderWorld } from "./testing/order-world";

// The test worlds name every style "Runner" / "跑鞋", colour "Black" / "黑", size = the SKU's key.

function intlFor(locale: "en" | "zh-CN"): RefusalIntl {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "errors",
    onError: (error) => {
      throw error;
    },
  });
  return { t: (key, values) => t(key as never, values as never), locale };
}

const say = (refusal: Refusal) => [
  localizeRefusal(refusal, intlFor("en")).message,
  localizeRefusal(refusal, intlFor("zh-CN")).message,
];

/** What a shopper must never read: SKU, node and other internal ids. */
const ID_LIKE = /sku_|node_|\bc[a-z0-9]{20,}\b|[0-9a-f]{8}-[0-9a-f]{4}-/i;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("refusals name the item on the embedded PGlite: orders", () => {
  const db = useMigratedDatabase("pglite");
  let w: OrderWorld;
  beforeAll(async () => {
    w = await createOrderWorld(db());
    await db().node.update({ where: { id: w.node("near") }, data: { nameZh: "南京路店" } });
  });

  it("an order no node can fill names the short item and the stores in the page's language", async () => {
    const error = await refusal(
      placeOrder(db(), {
        channelCode: w.webCode,
        buyer: { kind: "MEMBER", userId: w.memberUserId },
        lines: [{ skuId: w.sku("rare"), quantity: 5 }],
        method: "EXPRESS",
        destination: {
          kind: "address",
          addressLine: "1 Nanjing Road",
          city: "Shanghai",
          ...NEAR_POINT,
        },
        contact: { name: "Li Wei", phone: "+86 138 0000 0000" },
        paymentProvider: "DEMO",
        idempotencyKey: `naming-${Date.now()}`,
      }),
    );
    const shown = refusalOf(error);
    expect([shown.code, shown.details?.reason]).toEqual(["OUT_OF_STOCK", "NO_NODE_CAN_FILL"]);
    const [en, zh] = say(shown);
    expect(en).toBe("Not enough stock to send this order this way: Runner · Black · rare.");
    expect(zh).toBe("库存不足，无法以此方式发货：跑鞋（黑，尺码 rare）。");

    const availability =
      shown.code === "OUT_OF_STOCK" && shown.details?.reason === "NO_NODE_CAN_FILL"
        ? shown.details.availability
        : [];
    const [enWhere] = localizeAvailability(availability, intlFor("en"));
    const [zhWhere] = localizeAvailability(availability, intlFor("zh-CN"));
    expect(enWhere).toMatchObject({
      item: "Runner · Black · rare",
      requested: 5,
      nodes: [{ name: "near", quantity: 2 }],
    });
    expect(zhWhere).toMatchObject({
      item: "跑鞋（黑，尺码 rare）",
      nodes: [{ name: "南京路店", quantity: 2 }],
    });
    for (const text of [en, zh, JSON.stringify(enWhere?.item), JSON.stringify(zhWhere?.item)])
      expect(text).not.toMatch(ID_LIKE);
  });

  it("a stock engine refusal thrown by id is named at the use case, once", async () => {
    const engine = new AppError("OUT_OF_STOCK", "Only 1 available.", {
      details: {
        reason: "STOCK",
        skuId: w.sku("rare"),
        channelId: w.channel("web"),
        requested: 3,
        available: 1,
      },
    });
    expect(say(refusalOf(engine))).toEqual([
      "Only 1 can be sent from one place.",
      "单个发货点最多可发 1 件。",
    ]);
    const named = await nameRefusedItems(db(), engine);
    expect(isAppError(named) && refusalOf(named)).toMatchObject({
      code: "OUT_OF_STOCK",
      details: { reason: "STOCK", product: "Runner", productZh: "跑鞋", colour: "Black" },
    });
    expect(say(refusalOf(named as AppError))).toEqual([
      "Runner · Black · rare: only 1 can be sent from one place.",
      "跑鞋（黑，尺码 rare）：单个发货点最多可发 1 件。",
    ]);
    const other = new AppError("CONFLICT", "Changed.", {
      details: { reason: "CHANGED_MEANWHILE" },
    });
    expect(await nameRefusedItems(db(), other)).toBe(other);
  });
});

describe("refusals name the item on the embedded PGlite: cart", () => {
  const db = useMigratedDatabase("pglite");
  let world: ShopWorld;
  beforeAll(async () => {
    world = await createShopWorld(db());
  });

  it("adding more than the web can sell, or a style it does not sell, names the item", async () => {
    const cartId = await openCart(db(), { userId: null, anonymousToken: `naming-${Date.now()}` });
    const above = await refusal(
      addCartItem(db(), { cartId, skuId: world.sku("rare"), quantity: 3 }),
    );
    expect(say(refusalOf(above))).toEqual([
      "Runner · Black · rare: only 2 left online; your cart was not changed.",
      "跑鞋（黑，尺码 rare）：网上商城仅剩 2 件，购物车未作更改。",
    ]);
    const clearance = await refusal(
      addCartItem(db(), { cartId, skuId: world.sku("old"), quantity: 1 }),
    );
    expect(say(refusalOf(clearance))).toEqual([
      "Old runner · Black · old is not sold in the online store.",
      "旧款跑鞋（黑，尺码 old）不在网上商城销售。",
    ]);
  });
});
