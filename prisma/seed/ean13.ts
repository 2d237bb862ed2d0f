/** The EAN-13 check digit of the first 12 digits (weights 1 and 3, alternating from the left). */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`expected 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** True when `code` is 13 digits with a correct check digit. */
export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

// 690–699 is the GS1 prefix range of China; the company prefix below is made up for the demo.
const COMPANY_PREFIX = "6975310";

/** The barcode of the n-th item of the demo brand (n < 100 000). */
export function brandBarcode(itemNumber: number): string {
  if (!Number.isInteger(itemNumber) || itemNumber < 0 || itemNumber >= 100_000) {
    throw new Error(`item number out of range: ${itemNumber}`);
  }
  const first12 = COMPANY_PREFIX + String(itemNumber).padStart(5, "0");
  return first12 + String(ean13CheckDigit(first12));
}
