/** Browser event fired after the cart changes, so the header's count refreshes itself. */
export const CART_CHANGED_EVENT = "onepool:cart-changed";

export function announceCartChanged(): void {
  window.dispatchEvent(new Event(CART_CHANGED_EVENT));
}
