import "server-only";
import { revalidateTag } from "next/cache";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { CATALOGUE_TAG } from "@/lib/catalogue/cache-tags";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/validation/parse-input";
import { channelPriceSchema, yuanToFen } from "./product-input";
import { skuNotFound, styleNotFound } from "./product-refusals";

/**
 * Sets one channel's price (fen) for a SKU, or for every SKU of the style, or removes it so the
 * list price applies again in that channel.
 */
export async function setChannelPrice(
  db: Db,
  raw: z.input<typeof channelPriceSchema>,
  actor: { userId: string | null },
) {
  const input = parseInput(channelPriceSchema, raw);
  const price = input.priceYuan === null ? null : yuanToFen(input.priceYuan);
  const saved = await withTransaction(db, async (tx) => {
    const product = await tx.product.findUnique({
      where: { styleCode: input.styleCode },
      include: { skus: { select: { id: true, skuCode: true }, orderBy: { sizeOrder: "asc" } } },
    });
    if (!product) throw styleNotFound();
    const channel = await tx.channel.findUnique({ where: { code: input.channelCode } });
    if (!channel)
      throw new AppError("NOT_FOUND", "No such channel.", {
        details: { reason: "CHANNEL", channelCode: input.channelCode },
        fieldErrors: { channelCode: [{ problem: "NOT_AN_OPTION" }] },
      });
    const skus = input.skuCode
      ? product.skus.filter((s) => s.skuCode === input.skuCode)
      : product.skus;
    if (input.skuCode && skus.length === 0) throw skuNotFound(input.skuCode);
    const skuIds = skus.map((s) => s.id);
    const before = await tx.channelPrice.findMany({
      where: { channelId: channel.id, skuId: { in: skuIds } },
      select: { skuId: true, price: true },
    });
    if (price === null) {
      await tx.channelPrice.deleteMany({ where: { channelId: channel.id, skuId: { in: skuIds } } });
    } else {
      for (const skuId of skuIds) {
        await tx.channelPrice.upsert({
          where: { channelId_skuId: { channelId: channel.id, skuId } },
          create: { channelId: channel.id, skuId, price },
          update: { price },
        });
      }
    }
    const codeOf = new Map(skus.map((s) => [s.id, s.skuCode]));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      entity: "PRODUCT",
      entityId: product.id,
      action: price === null ? "CLEAR_CHANNEL_PRICE" : "SET_CHANNEL_PRICE",
      before: {
        styleCode: product.styleCode,
        channel: channel.code,
        prices: before.map((p) => ({ skuCode: codeOf.get(p.skuId) ?? p.skuId, price: p.price })),
      },
      after: {
        styleCode: product.styleCode,
        channel: channel.code,
        prices: price === null ? [] : skus.map((s) => ({ skuCode: s.skuCode, price })),
      },
    });
    return { styleCode: product.styleCode, channelCode: channel.code, skus: skus.length, price };
  });
  revalidateTag(CATALOGUE_TAG, "max");
  return saved;
}
