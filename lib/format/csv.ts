/**
 * CSV for spreadsheets (RFC 4180): CRLF line ends; a cell holding a comma, quote or line break
 * is quoted with its quotes doubled. A text cell starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, because a spreadsheet would run it as a formula; numbers
 * are written as they are, so a negative amount stays a number.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
