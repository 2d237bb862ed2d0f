import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "./locales";

/**
 * Takes the language from the [locale] segment the page rewrites filled in. A page or layout that calls
 * this first renders without reading the request, so Next can cache it per language.
 */
export async function segmentLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/**
 * For `generateStaticParams` of a cached page: nothing is rendered at build time (the build has
 * no database to read); the page renders on its first visit per language and is then served
 * from Next's cache. Pages without it render on every request.
 */
export function renderOnFirstVisit(): never[] {
  return [];
}
