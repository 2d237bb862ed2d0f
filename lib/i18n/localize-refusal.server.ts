import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Refusal } from "@/lib/errors/app-error";
import { localizeRefusal, type RefusalText } from "./localize-refusal";

/** localizeRefusal for server components: refusals worded in the request's language. */
export async function getLocalizeRefusal(): Promise<(refusal: Refusal) => RefusalText> {
  const [t, locale] = await Promise.all([getTranslations("errors"), getLocale()]);
  return (refusal) => localizeRefusal(refusal, { t, locale });
}
