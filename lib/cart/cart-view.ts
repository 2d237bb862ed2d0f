/** One cart line as the cart page and checkout show it; money in fen. */
export type CartLineView = {
  skuId: string;
  skuCode: string;
  styleCode: string;
  productName: string;
  productNameZh: string;
  color: string;
  colorZh: string;
  colorHex: string;
  size: string;
  imagePath: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  /** Units the web channel can sell now; checkout refuses lines above it. */
  available: number;
  /** False when the item is no longer sold online (checkout must drop it). */
  sellable: boolean;
  /** Set for a presale item: its expected ship date (ISO); it ships by express only. */
  presaleShipDate: string | null;
};

export type CartView = {
  /** Null until the shopper first adds something. */
  cartId: string | null;
  lines: CartLineView[];
  subtotal: number;
  itemCount: number;
};

export const EMPTY_CART: CartView = { cartId: null, lines: [], subtotal: 0, itemCount: 0 };

/** Totals of a cart's lines (integer fen, integer units). */
export function cartTotals(lines: readonly Pick<CartLineView, "quantity" | "unitPrice">[]) {
  return {
    subtotal: lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0),
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
  };
}
