"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { HOME_OF_ROLE } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";
import { useSignedInUser } from "./use-signed-in-user";

/**
 * The signed-in person's links, read in the browser so that the page around them can be cached
 * for everyone. Pages still check roles on the server; this is only navigation. The links lead to
 * pages rendered per person, so they are not prefetched.
 */
export function AccountLinks() {
  const t = useTranslations("common");
  const user = useSignedInUser();
  if (user === undefined) return <span className="w-16" aria-hidden />;
  if (user === null) {
    return (
      <Link href="/signin" prefetch={false} className="text-sm font-medium">
        {t("signIn")}
      </Link>
    );
  }
  return (
    <>
      <Link
        href={user.role === "CONSUMER" ? "/account" : HOME_OF_ROLE[user.role]}
        prefetch={false}
        className="text-sm font-medium"
      >
        {t(`area.${user.role}`)}
      </Link>
      <span className="text-sm text-stone-500" data-testid="signed-in-as">
        {user.name}
      </span>
      <SignOutButton />
    </>
  );
}
