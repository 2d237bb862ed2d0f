import { getLocale } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/money";

/** A price in fen, formatted for the current language. */
export async function Money({ fen, className }: { fen: number; className?: string }) {
  const locale = await getLocale();
  return <span className={className}>{formatMoney(fen, locale)}</span>;
}
