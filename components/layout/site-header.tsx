import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HOME_OF_ROLE } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session.server";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";

/**
 * Brand bar shared by every audience: home link, the user's own area (a shopper's is the account
 * pages; they land on the storefront), language, sign in/out.
 */
export async function SiteHeader() {
  const t = await getTranslations("common");
  const user = await getSessionUser();
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-black tracking-tight text-ink">
          One<span className="text-brand">Pool</span>
        </Link>
        <nav className="flex flex-wrap items-center gap-4">
          {user ? (
            <>
              <Link href={user.role === "CONSUMER" ? "/account" : HOME_OF_ROLE[user.role]} className="text-sm font-medium">
                {t(`area.${user.role}`)}
              </Link>
              <span className="text-sm text-stone-500" data-testid="signed-in-as">
                {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="text-sm font-medium">
              {t("signIn")}
            </Link>
          )}
          <LocaleSwitcher />
        </nav>
      </div>
    </header>
  );
}
