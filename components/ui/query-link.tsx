import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link to the page it sits on with other search params: an edit form opened from a row, a row's
 * ledger, the next page of a list. It is not prefetched: a prefetched payload for the same dynamic
 * page could stand in for the navigation, so the URL changed and the page did not (seen with the
 * node console's edit links), and a table of rows would prefetch the whole page once per row.
 */
export function QueryLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
