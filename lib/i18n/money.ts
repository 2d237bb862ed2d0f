/** Formats integer minor units (fen) as a price in the shopper's language, e.g. ¥1,299.00. */
export function formatMoney(minorUnits: number, locale: string, currency = "CNY"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minorUnits / 100);
}
