import { localized } from "@/lib/i18n/localized";
import { RETURN_REASONS, type ReturnReason } from "@/lib/returns/return-rules";

/** An item as staff read it off the tag: product, colour and size in the page's language. */
export function itemName(
  item: { product: string; productZh: string; colour: string; colourZh: string; size: string },
  locale: string,
): string {
  const product = localized(locale, { name: item.product, nameZh: item.productZh });
  const colour = localized(locale, { name: item.colour, nameZh: item.colourZh });
  return `${product} · ${colour} · ${item.size}`;
}

/**
 * A return's stored reason ("WRONG_SIZE" or "WRONG_SIZE: the shopper's note") in the page's
 * language, the shopper's own note kept as written.
 */
export function reasonWords(reason: string, words: (key: ReturnReason) => string): string {
  const split = reason.indexOf(":");
  const code = split < 0 ? reason : reason.slice(0, split);
  const note = split < 0 ? "" : reason.slice(split + 1).trim();
  if (!isReturnReason(code)) return reason;
  return note ? `${words(code)}: ${note}` : words(code);
}

function isReturnReason(code: string): code is ReturnReason {
  return (RETURN_REASONS as readonly string[]).includes(code);
}
