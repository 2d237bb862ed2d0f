import { AccountLinks } from "./account-links";
import { IntentLink } from "./intent-link";
import { LocaleSwitcher } from "./locale-switcher";

/**
 * Brand bar shared by every audience: home link, the user's own area (a shopper's is the account
 * pages; they land on the storefront), language, sign in/out. Nothing here reads the request, so
 * pages under it can be cached.
 */
export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <IntentLink href="/" className="text-xl font-black tracking-tight text-ink">
          One<span className="text-brand">Pool</span>
        </IntentLink>
        <nav className="flex flex-wrap items-center gap-4">
          <AccountLinks />
          <LocaleSwitcher />
        </nav>
      </div>
    </header>
  );
}
