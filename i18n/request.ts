import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { MESSAGES } from "@/messages";
import { LOCALE_COOKIE, isLocale, pickLocale } from "./locales";

// Pages get the locale from their [locale] segment (filled in by i18n/page-rewrites.ts); route
// handlers, which the rewrites leave alone, fall back to the cookie and the browser's language.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested)
    ? requested
    : pickLocale(
        (await cookies()).get(LOCALE_COOKIE)?.value,
        (await headers()).get("accept-language"),
      );
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" };
});
