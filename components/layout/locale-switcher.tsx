"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { LOCALES } from "@/i18n/locales";
import { setLocale } from "@/lib/i18n/actions";

/** Switches the interface language; the server remembers it in a cookie. */
export function LocaleSwitcher() {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t("language")}</span>
      <Select
        aria-label={t("language")}
        compact
        value={current}
        disabled={!hydrated || pending}
        onChange={(e) => {
          const locale = e.target.value;
          startTransition(async () => {
            const result = await setLocale({ locale: locale as (typeof LOCALES)[number] });
            if (result.ok) router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {l === "en" ? "English" : "简体中文"}
          </option>
        ))}
      </Select>
    </label>
  );
}
