"use server";

import { defineAction } from "@/lib/actions/safe-action.server";
import { getDb } from "@/lib/db/client.server";
import { requestReturnSchema } from "./return-rules";
import { requestReturn } from "./request-return.server";

/** A consumer asks to return items of one of their delivered or collected orders. */
export const requestReturnAction = defineAction({
  input: requestReturnSchema,
  access: ["CONSUMER"],
  handler: async (request, { user }) => requestReturn(await getDb(), { userId: user.id, request }),
});
