import { CATALOGUE_TWINS } from "../lib/catalogue/cached-routes";
import { DEFAULT_LOCALE, LOCALES, LOCALE_COOKIE, type Locale } from "./locales";

const CHINESE: Locale = "zh-CN";

type Condition = { type: "cookie" | "header" | "query"; key: string; value?: string };
export type PageRewrite = {
  source: string;
  destination: string;
  has?: Condition[];
  missing?: Condition[];
};

/**
 * The language of a request, tried in order — the same choice as `pickLocale`: a remembered
 * language, then a Chinese browser, then English. (`has` values are anchored regular expressions;
 * a named group becomes a destination parameter.) Every remembered language shares one group of
 * rules: Next matches each rule of the list on every request, compiling its pattern anew, so each
 * rule costs throughput on every cached page.
 */
const LOCALE_CHOICES: readonly { prefix: string; has: Condition[] }[] = [
  {
    prefix: "/:locale",
    has: [
      {
        type: "cookie",
        key: LOCALE_COOKIE,
        value: `(?<locale>${LOCALES.map(escapeRegex).join("|")})`,
      },
    ],
  },
  {
    prefix: `/${CHINESE}`,
    has: [{ type: "header", key: "accept-language", value: "\\s*[zZ][hH].*" }],
  },
  { prefix: `/${DEFAULT_LOCALE}`, has: [] },
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Serves every page from app/[locale] without a locale in the URL, so each language renders and
 * caches on its own; a catalogue URL with a query goes to its per-request twin. Rewrites run in
 * Next's router (a proxy function per request halved the throughput of cached pages). Applied
 * after files and static routes, so `public/`, `_next/` and API routes are never rewritten.
 * Per catalogue path, a plain URL (none of its query keys: `missing`) is matched first and
 * anything else goes to the twin: two rules, not one per key.
 */
export function pageRewrites(): PageRewrite[] {
  return LOCALE_CHOICES.flatMap(({ prefix, has }) => {
    const withHas = has.length > 0 ? { has } : {};
    const catalogue = CATALOGUE_TWINS.flatMap(({ path, twin, keys }) => [
      {
        source: path,
        destination: `${prefix}${path}`,
        ...withHas,
        missing: keys.map((key) => ({ type: "query" as const, key })),
      },
      { source: path, destination: `${prefix}${twin}`, ...withHas },
    ]);
    return [
      ...catalogue,
      { source: "/", destination: prefix, ...withHas },
      // Dynamic API routes (/api/channels/…) come after these rewrites in Next's order: skip them.
      { source: "/:path((?!api/|_next/).+)", destination: `${prefix}/:path`, ...withHas },
    ];
  });
}
