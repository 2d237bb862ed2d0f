import { CATALOGUE_TWINS } from "../lib/catalogue/cached-routes";
import { DEFAULT_LOCALE, LOCALES, LOCALE_COOKIE, type Locale } from "./locales";

type Condition = { type: "cookie" | "header" | "query"; key: string; value?: string };
export type PageRewrite = { source: string; destination: string; has?: Condition[] };

/**
 * The language of a request, tried in order — the same choice as `pickLocale`: a remembered
 * language, then a Chinese browser, then English. (`has` values are anchored regular expressions.)
 */
const LOCALE_CHOICES: readonly { locale: Locale; has: Condition[] }[] = [
  ...LOCALES.map((locale) => ({ locale, has: [{ type: "cookie" as const, key: LOCALE_COOKIE, value: locale }] })),
  { locale: "zh-CN", has: [{ type: "header", key: "accept-language", value: "\\s*[zZ][hH].*" }] },
  { locale: DEFAULT_LOCALE, has: [] },
];

/**
 * Serves every page from app/[locale] without a locale in the URL, so each language renders and
 * caches on its own; a catalogue URL with a query goes to its per-request twin. Rewrites run in
 * Next's router (a proxy function per request halved the throughput of cached pages). Applied
 * after files and static routes, so `public/`, `_next/` and API routes are never rewritten.
 */
export function pageRewrites(): PageRewrite[] {
  return LOCALE_CHOICES.flatMap(({ locale, has }) => {
    const withHas = (extra: Condition[] = []) => (has.length + extra.length > 0 ? { has: [...has, ...extra] } : {});
    const twins = CATALOGUE_TWINS.flatMap(({ path, twin, keys }) =>
      keys.map((key) => ({ source: path, destination: `/${locale}${twin}`, ...withHas([{ type: "query", key }]) })),
    );
    return [
      ...twins,
      { source: "/", destination: `/${locale}`, ...withHas() },
      // Dynamic API routes (/api/channels/…) come after these rewrites in Next's order: skip them.
      { source: "/:path((?!api/|_next/).+)", destination: `/${locale}/:path`, ...withHas() },
    ];
  });
}
