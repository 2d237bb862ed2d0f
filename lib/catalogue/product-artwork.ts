/** Product artwork lives in public/products as one small SVG drawing per category. */
export const ARTWORK_PATH = /^\/products\/[a-z0-9-]+\.svg$/;

const HEX = /^#[0-9A-Fa-f]{6}$/;
// The drawings' outline colour, replaced by the shopper's chosen colour.
const OUTLINE = 'stroke="#6B7280"';

/** Relative luminance (0 black … 1 white) of a #RRGGBB colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * The drawing outlined in the chosen colour, without its own accessible name (the page gives
 * one). Colours too pale to see on the light background keep the grey outline.
 */
export function tintArtwork(svg: string, colorHex: string): string {
  const plain = svg
    .replace(/ role="img"/, "")
    .replace(/ aria-label="[^"]*"/, ' aria-hidden="true" focusable="false"');
  if (!HEX.test(colorHex) || luminance(colorHex) > 0.6) return plain;
  return plain.replace(OUTLINE, `stroke="${colorHex}"`);
}
