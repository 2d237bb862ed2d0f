import { z } from "zod";
import { FEED_PAGE_LIMIT } from "./feed-types";

// Event ids are PostgreSQL integers; a larger cursor is a typo, not a position.
const MAX_CURSOR = 2_147_483_647;

/** A channel code from the URL, e.g. TMALL. */
export const channelCodeField = z.string().trim().min(1, "Required.").max(100);

/** A feed cursor from a query string or a Last-Event-ID header: a non-negative whole number. */
export const cursorField = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/, "Must be a non-negative whole number.")
  .transform(Number)
  .refine((n) => n <= MAX_CURSOR, `At most ${MAX_CURSOR}.`);

/** Page size of `?since` reads. */
export const limitField = z
  .string()
  .trim()
  .regex(/^\d{1,4}$/, "Must be a whole number.")
  .transform(Number)
  .refine((n) => n >= 1 && n <= FEED_PAGE_LIMIT, `Between 1 and ${FEED_PAGE_LIMIT}.`);

/** Input of GET /api/channels/[code]/stock. */
export const feedQuerySchema = z.object({
  code: channelCodeField,
  since: cursorField.optional(),
  limit: limitField.optional(),
});

/** Input of GET /api/channels/[code]/stock/stream; a reconnect's Last-Event-ID wins over `since`. */
export const feedStreamSchema = z.object({
  code: channelCodeField,
  since: cursorField.optional(),
  "last-event-id": cursorField.optional(),
});
