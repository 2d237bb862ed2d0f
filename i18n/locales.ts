/** Languages the store speaks; the choice is remembered in a cookie. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l === value);
}

/** First visit follows the browser's language; afterwards the remembered choice wins. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  return acceptLanguage?.trim().toLowerCase().startsWith("zh") ? "zh-CN" : DEFAULT_LOCALE;
}
