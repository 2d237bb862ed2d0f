import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/db/transaction.server";
import type { OrderDestination } from "@/lib/orders/order-input";
import type { ChannelOrder } from "./channel-order-input";
import { placeAddress } from "./place-address";

/**
 * Where a marketplace order goes, as placeOrder takes it: the pickup store by its code
 * (NOT_FOUND / STORE when there is no such active store), or the address at its coordinates,
 * else at the nodes of its district or city (UNDELIVERABLE / ADDRESS_UNPLACEABLE when none).
 */
export async function channelOrderDestination(
  db: Db,
  order: Pick<ChannelOrder, "method" | "address" | "pickupStoreCode">,
): Promise<OrderDestination> {
  if (order.method === "PICKUP") {
    const code = order.pickupStoreCode ?? "";
    const store = await db.node.findFirst({
      where: { code: { equals: code, mode: "insensitive" }, active: true },
      select: { id: true },
    });
    if (!store)
      throw new AppError("NOT_FOUND", `There is no store ${code}.`, {
        details: { reason: "STORE" },
      });
    return { kind: "store", nodeId: store.id };
  }
  const address = order.address;
  if (!address)
    throw new AppError("INVALID_INPUT", "Delivery needs an address.", {
      details: { reason: "ADDRESS_REQUIRED" },
    });
  const nodes =
    address.latitude === undefined
      ? await db.node.findMany({
          where: {
            active: true,
            OR: [{ city: { equals: address.city, mode: "insensitive" } }, { cityZh: address.city }],
          },
          select: { city: true, cityZh: true, district: true, latitude: true, longitude: true },
        })
      : [];
  const point = placeAddress(address, nodes);
  if (!point)
    throw new AppError("UNDELIVERABLE", `No node can place ${address.city}.`, {
      details: {
        reason: "ADDRESS_UNPLACEABLE",
        city: address.city,
        ...(address.district ? { district: address.district } : {}),
      },
    });
  return {
    kind: "address",
    addressLine: address.addressLine,
    city: address.city,
    latitude: point.latitude,
    longitude: point.longitude,
  };
}
