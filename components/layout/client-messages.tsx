import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { MESSAGES, type Namespace } from "@/messages";

/** What every page's own client components need: the header, the error pages and refusals. */
export const BASE_NAMESPACES = ["common", "errors"] as const satisfies readonly Namespace[];

/**
 * Hands client components below it only the message namespaces they use: every namespace sent
 * is serialized into each page, and the whole set would triple a catalogue page's size.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly Namespace[];
  children: React.ReactNode;
}) {
  const messages = MESSAGES[(await getLocale()) as keyof typeof MESSAGES];
  const picked = Object.fromEntries(
    [...BASE_NAMESPACES, ...namespaces].map((ns) => [ns, messages[ns]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
