import { randomInt } from "node:crypto";
import { shanghaiDayOf } from "@/lib/format/shanghai-day";

// Crockford's base32 without I, L, O, U: read aloud over a shop counter without mix-ups.
const ORDER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** An order number a person can read out: "OP" + Shanghai date + 6 random characters. */
export function newOrderNo(now: Date, pick: (max: number) => number = randomInt): string {
  const day = shanghaiDayOf(now).slice(2).replaceAll("-", "");
  let tail = "";
  for (let i = 0; i < 6; i++) tail += ORDER_ALPHABET[pick(ORDER_ALPHABET.length)];
  return `OP${day}${tail}`;
}

/**
 * A 6-digit pickup code. Guessing is bounded by the attempt limit at the counter, not by the
 * code's length; it is drawn from the system's secure generator so codes are not predictable.
 */
export function newPickupCode(pick: (max: number) => number = randomInt): string {
  return String(pick(1_000_000)).padStart(6, "0");
}
