"use client";

import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("common");
  // next-auth's client is loaded only when someone signs out, not with every page.
  const signOut = async () => (await import("next-auth/react")).signOut({ callbackUrl: "/" });
  return (
    <button type="button" className="text-sm underline" onClick={() => void signOut()}>
      {t("signOut")}
    </button>
  );
}
