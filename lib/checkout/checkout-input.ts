import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { OrderDestination } from "@/lib/orders/order-input";

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max).optional(),
  );
const optionalNumber = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "Must be a number." }).optional(),
);

export const checkoutSchema = z.object({
  /** Generated once per checkout page render: a double click or retry places one order. */
  idempotencyKey: z.string().trim().min(16).max(100),
  method: z.enum(["PICKUP", "SAME_CITY", "EXPRESS"], { error: "Choose how to get your order." }),
  storeNodeId: optionalText(200),
  addressLine: optionalText(300),
  city: optionalText(100),
  latitude: optionalNumber.pipe(z.number().min(-90).max(90).optional()),
  longitude: optionalNumber.pipe(z.number().min(-180).max(180).optional()),
  contactName: z.string().trim().min(1, "Enter your name.").max(100),
  contactPhone: optionalText(20).pipe(
    z
      .string()
      .regex(/^\+?[0-9 -]{5,20}$/, "Enter a phone number.")
      .optional(),
  ),
  couponCode: optionalText(50),
  pointsToRedeem: optionalNumber.pipe(
    z.number().int("Whole points only.").min(0).max(10_000_000).optional(),
  ),
  /** Honoured only on servers started with E2E_SHORT_HOLDS=true (end-to-end tests). */
  holdSeconds: optionalNumber.pipe(z.number().int().min(5).max(3600).optional()),
});

export type CheckoutInput = z.input<typeof checkoutSchema>;

/** Where the order goes: the chosen store for pickup, else the address with its coordinates. */
export function destinationOf(input: z.output<typeof checkoutSchema>): OrderDestination {
  if (input.method === "PICKUP") {
    if (!input.storeNodeId) {
      throw new AppError("INVALID_INPUT", "Choose a store to pick up from.", {
        fieldErrors: { storeNodeId: [{ problem: "REQUIRED" }] },
        details: { reason: "STORE_REQUIRED" },
      });
    }
    return { kind: "store", nodeId: input.storeNodeId };
  }
  if (
    !input.addressLine ||
    input.latitude === undefined ||
    input.longitude === undefined ||
    !input.city
  ) {
    throw new AppError("INVALID_INPUT", "Choose a delivery area and enter the street address.", {
      fieldErrors: { addressLine: [{ problem: "REQUIRED" }] },
      details: { reason: "ADDRESS_REQUIRED" },
    });
  }
  return {
    kind: "address",
    addressLine: input.addressLine,
    city: input.city,
    latitude: input.latitude,
    longitude: input.longitude,
  };
}
