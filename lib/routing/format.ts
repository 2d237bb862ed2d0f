/** Integer fen as an English price, e.g. 126050 → "¥1,260.50". */
export function formatFen(fen: number): string {
  // Written out: Intl currency formatting is several times slower, and routing prices every candidate.
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** Kilometres with one decimal, as shown to a merchandiser. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/** Percentage with no decimals. */
export function roundPercent(ratio: number): number {
  return Math.round(ratio * 100);
}
