import { coloursOf } from "./colours";
import type { CatalogueProduct, CatalogueSku, ColourOption } from "./types";

/** Why a requested colour or size cannot be shown. */
export type SelectionProblem =
  | { code: "UNKNOWN_COLOUR"; colour: string }
  | { code: "UNKNOWN_SIZE"; size: string }
  | { code: "SIZE_NOT_IN_COLOUR"; size: string; colour: string };

export type Selection = {
  colour: ColourOption;
  /** SKUs of the chosen colour, in size order. */
  sizes: CatalogueSku[];
  /** The chosen SKU, when the size is known and exists in the colour. */
  sku: CatalogueSku | null;
  problem: SelectionProblem | null;
};

/**
 * Resolves the colour and size a shopper asked for on a product page. An unknown colour falls
 * back to the first; a size the style does not have selects nothing, so nothing can be added to
 * the cart, and the problem says why. A single-size colour is selected without asking.
 * Returns null for a style without SKUs.
 */
export function resolveSelection(
  product: Pick<CatalogueProduct, "skus">,
  requested: { colour?: string; size?: string },
): Selection | null {
  const colours = coloursOf(product);
  const fallback = colours[0];
  if (!fallback) return null;
  let problem: SelectionProblem | null = null;
  let colour = colours.find((c) => c.color === requested.colour);
  if (!colour) {
    if (requested.colour) problem = { code: "UNKNOWN_COLOUR", colour: requested.colour };
    colour = fallback;
  }
  const sizes = product.skus
    .filter((s) => s.color === colour.color)
    .sort((a, b) => a.sizeOrder - b.sizeOrder);
  let sku: CatalogueSku | null = null;
  if (requested.size) {
    sku = sizes.find((s) => s.size === requested.size) ?? null;
    if (!sku) {
      const styleHasSize = product.skus.some((s) => s.size === requested.size);
      problem = styleHasSize
        ? { code: "SIZE_NOT_IN_COLOUR", size: requested.size, colour: colour.color }
        : { code: "UNKNOWN_SIZE", size: requested.size };
    }
  } else if (sizes.length === 1) {
    sku = sizes[0] ?? null;
  }
  return { colour, sizes, sku, problem };
}
