"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton() {
  const t = useTranslations("common");
  const hydrated = useHydrated();
  // next-auth's client is loaded only when someone signs out, not with every page.
  const signOut = async () => (await import("next-auth/react")).signOut({ callbackUrl: "/" });
  return (
    <Button variant="link" onClick={() => void signOut()} disabled={!hydrated}>
      {t("signOut")}
    </Button>
  );
}
