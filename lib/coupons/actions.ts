"use server";

import { z } from "zod";
import { ensureMemberId } from "@/lib/members/member.server";
import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { claimCoupon } from "./claim-coupon.server";

/** A consumer claims a coupon into their account. */
export const claimCouponAction = defineAction({
  input: z.object({ code: z.string().trim().min(1).max(40) }),
  access: ["CONSUMER"],
  handler: async ({ code }, { user }) => {
    const db = await getDb();
    const memberId = await ensureMemberId(db, user.id);
    return claimCoupon(db, { memberId, code });
  },
});
