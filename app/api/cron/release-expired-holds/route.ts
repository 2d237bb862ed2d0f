import { z } from "zod";
import { defineRoute } from "@/lib/actions/safe-route.server";
import { getDb } from "@/lib/db/client.server";
import { sweepOrders } from "@/lib/sweeps/sweep-orders.server";
import { verifyCronSecret } from "@/lib/feed/verify-cron-secret.server";

export const dynamic = "force-dynamic";

const input = z.object({
  limit: z
    .string()
    .regex(/^\d{1,5}$/, "Must be a whole number.")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 10_000, "Between 1 and 10000.")
    .optional(),
});

/**
 * The hold sweeper, for a scheduler (`Authorization: Bearer <CRON_SECRET>`) or an admin on demand:
 * releases expired holds, publishes the channel feed, cancels the orders left unpaid or
 * uncollected. Answers the counts.
 */
export const POST = defineRoute({
  from: "query",
  input,
  access: ["ADMIN"],
  bearer: async (token) => verifyCronSecret(token),
  handler: async ({ limit }) => sweepOrders(await getDb(), { batchSize: limit }),
});

// Hosted schedulers (Vercel Cron among them) call with GET; the bearer check is the same.
export const GET = POST;
