import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { MESSAGES } from "@/messages";
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from "./locales";

// First visit: follow the browser's language; afterwards the remembered choice wins.
function fromAcceptLanguage(header: string | null): Locale {
  return header?.toLowerCase().startsWith("zh") ? "zh-CN" : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = cookie
    ? toLocale(cookie)
    : fromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" };
});
