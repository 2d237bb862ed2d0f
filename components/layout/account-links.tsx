"use client";

import Link from "next/link";
import { useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { HOME_OF_ROLE, ROLES } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";

/**
 * The signed-in person's links, read in the browser so that the page around them can be cached
 * for everyone. Pages still check roles on the server; this is only navigation.
 */
export function AccountLinks() {
  const t = useTranslations("common");
  const { data, status } = useSession();
  if (status === "loading") return <span className="w-16" aria-hidden />;
  const user = data?.user as { name?: string | null; role?: unknown } | undefined;
  const role = ROLES.find((r) => r === user?.role);
  if (!user || !role) {
    return (
      <Link href="/signin" className="text-sm font-medium">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <>
      <Link href={role === "CONSUMER" ? "/account" : HOME_OF_ROLE[role]} className="text-sm font-medium">
        {t(`area.${role}`)}
      </Link>
      <span className="text-sm text-stone-500" data-testid="signed-in-as">
        {user.name}
      </span>
      <SignOutButton />
    </>
  );
}
