import fc from "fast-check";

// Values no well-behaved client sends. Generated text is ASCII unless a surrogate is placed on
// purpose, so a generated "lone" surrogate can never pair up with a neighbour by chance.

const ascii = (maxLength = 12) => fc.string({ maxLength });

/** ASCII text with C0 control characters mixed in (all storable, none expected). */
export const controlText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 1, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom("\u007f", "\u0085", "\u2028", "\uFEFF"),
      ascii(4),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(""));

/** Text holding U+0000 somewhere. */
export const nulText = fc
  .tuple(ascii(), fc.integer({ min: 1, max: 3 }), ascii())
  .map(([before, n, after]) => `${before}${"\u0000".repeat(n)}${after}`);

/** Text holding an unpaired UTF-16 surrogate (high without its low half, or a low one alone). */
export const loneSurrogateText = fc
  .tuple(ascii(), fc.integer({ min: 0, max: 0x3ff }), fc.boolean(), ascii())
  .map(([before, offset, high, after]) =>
    high
      ? `${before}${String.fromCharCode(0xd800 + offset)}${after}`
      : `${before}${String.fromCharCode(0xdc00 + offset)}${after}`,
  );

/** Text a database column cannot store: what parseInput must refuse anywhere in an input. */
export const poisonText = fc.oneof(nulText, loneSurrogateText);

const HUNDRED_KB = 100_000;
/** Strings of about 100 KB: plain, multi-byte, and with U+0000 at the far end. */
export const hugeText = fc.constantFrom(
  "x".repeat(HUNDRED_KB),
  "库".repeat(HUNDRED_KB / 2),
  `${"9".repeat(HUNDRED_KB)}\u0000`,
);

/** Numbers out of every range an input accepts, and values that are not numbers at all. */
export const badNumber = fc.oneof(
  fc.constantFrom(
    -1,
    -2_147_483_649,
    2_147_483_648,
    2 ** 53,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NaN,
    0.5,
    1e-7,
  ),
  fc.integer({ max: -1 }),
  fc.double({ min: 1e10, noNaN: true }),
);

/** Values of the wrong type for any field. */
export const wrongType = fc.oneof(
  fc.constantFrom(null, true, false, 0, {}, [], [[]], { length: 1 }, "", " "),
  fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(ascii(6), fc.oneof(fc.integer(), ascii())),
);

/** Any of the above: what a field gets when a client is broken or hostile. */
export const junkText = fc.oneof(poisonText, hugeText, wrongType, controlText);

/** A string that is not one of `values` (nor any of them with spaces around). */
export function notOneOf(values: readonly (string | null)[]) {
  return fc
    .oneof(ascii(), controlText, poisonText)
    .filter((text) => !values.includes(text.trim()) && !values.includes(text));
}

/** An id that no row has: short junk with a recognisable prefix, or control characters. */
export const unknownId = fc.oneof(
  ascii(20).map((text) => `nope_${text}`),
  controlText.map((text) => `nope${text}`),
);
