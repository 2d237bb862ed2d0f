"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Refusal } from "@/lib/errors/app-error";
import { localizeRefusal, type RefusalText } from "@/lib/i18n/localize-refusal";

/**
 * localizeRefusal for client components: every form words an action's refusal with it, in the
 * page's language (the `errors` messages are sent to every page by ClientMessages).
 */
export function useLocalizeRefusal(): (refusal: Refusal) => RefusalText {
  const t = useTranslations("errors");
  const locale = useLocale();
  return (refusal) => localizeRefusal(refusal, { t, locale });
}
