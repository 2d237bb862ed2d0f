"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action.server";
import { LOCALES, LOCALE_COOKIE } from "@/i18n/locales";
import { env } from "@/lib/env";
import { servesOverHttps } from "@/lib/http/security-headers";

/** Remembers the shopper's language for a year. */
export const setLocale = defineAction({
  input: z.object({ locale: z.enum(LOCALES) }),
  access: "public",
  handler: async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: 365 * 24 * 3600,
      sameSite: "lax",
      secure: servesOverHttps(env.NEXTAUTH_URL),
    });
    return { locale };
  },
});
