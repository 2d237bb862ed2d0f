import "server-only";
import { parseInput } from "@/lib/validation/parse-input";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors/app-error";
import { withTransaction, type Db } from "@/lib/db/transaction.server";
import { idempotencyConflict, requireChannel } from "./reserve-checks.server";
import { summarise, type ReservationSummary } from "./reservation-summary";
import { holdExpiresAt, presaleInputSchema, type PresaleInput } from "./rules";

export type ReservePresaleOptions = PresaleInput & { now?: Date };

/**
 * Sells a presale SKU beyond stock: records the demand as a WAITING presale reservation (no node,
 * no units promised yet) and counts it against the SKU's presale cap by compare-and-set on the
 * SKU row, so concurrent buyers can never exceed the cap. Unpaid demand may carry an expiry like a
 * checkout hold (`ttlSeconds`): the sweeper then gives its cap back if it is never paid. Receiving the inbound supply allocates
 * waiting demand first-come first-served (receivePresaleInbound). Stock counters do not move.
 */
export async function reservePresale(
  db: Db,
  options: ReservePresaleOptions,
): Promise<{
  reservation: ReservationSummary;
  replayed: boolean;
}> {
  const { now = new Date(), ...raw } = options;
  const input = parseInput(presaleInputSchema, raw);
  try {
    return await withTransaction(db, async (tx) => {
      const sku = await tx.sku.findUnique({ where: { id: input.skuId }, select: { id: true } });
      if (!sku)
        throw new AppError("NOT_FOUND", "Unknown SKU.", {
          details: { reason: "SKU", skuId: input.skuId },
        });
      await requireChannel(tx, input.channelId);
      if (input.idempotencyKey) {
        const earlier = await tx.reservation.findUnique({
          where: { idempotencyKey: input.idempotencyKey },
        });
        if (earlier) {
          const same =
            earlier.skuId === input.skuId &&
            earlier.channelId === input.channelId &&
            earlier.quantity === input.quantity;
          if (!same) throw idempotencyConflict(input.idempotencyKey);
          return { reservation: summarise(earlier), replayed: true };
        }
      }
      const counted = await tx.$executeRaw`
        UPDATE "Sku" SET "presaleSold" = "presaleSold" + ${input.quantity}
        WHERE "id" = ${input.skuId} AND "presaleEnabled"
          AND "presaleSold" + ${input.quantity} <= "presaleCap"`;
      if (counted !== 1) {
        const state = await tx.sku.findUniqueOrThrow({
          where: { id: input.skuId },
          select: { presaleEnabled: true, presaleCap: true, presaleSold: true },
        });
        if (!state.presaleEnabled) {
          throw new AppError("CONFLICT", "This SKU is not on presale.", {
            details: { reason: "NOT_ON_PRESALE", skuId: input.skuId },
          });
        }
        const available = Math.max(0, state.presaleCap - state.presaleSold);
        throw new AppError("OUT_OF_STOCK", `Only ${available} left on presale.`, {
          details: {
            skuId: input.skuId,
            requested: input.quantity,
            available,
            reason: "PRESALE_CAP",
          },
        });
      }
      const reservation = await tx.reservation.create({
        data: {
          channelId: input.channelId,
          skuId: input.skuId,
          quantity: input.quantity,
          kind: "PRESALE",
          status: "WAITING",
          orderId: input.orderId ?? null,
          orderLineId: input.orderLineId ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
          expiresAt: holdExpiresAt(now, input.ttlSeconds ?? null),
        },
      });
      return { reservation: summarise(reservation), replayed: false };
    });
  } catch (error) {
    if (input.idempotencyKey && isUniqueViolation(error))
      throw idempotencyConflict(input.idempotencyKey);
    throw error;
  }
}
