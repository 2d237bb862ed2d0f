"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/actions/result";

/**
 * A refusal in the staff member's language. The server's specific reason is in English, so it
 * is added to the translated headline only for English readers.
 */
export function useRefusalText(): (failure: ActionFailure) => string {
  const t = useTranslations("fulfilment.refused");
  const english = useLocale().startsWith("en");
  return (failure) => {
    const left = failure.details?.attemptsLeft;
    if (failure.code === "INVALID_INPUT" && typeof left === "number")
      return t("wrongCode", { count: left });
    const headline = t(failure.code);
    return english && failure.message && failure.message !== headline
      ? `${headline} ${failure.message}`
      : headline;
  };
}
