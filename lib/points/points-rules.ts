/** The reason on the points entry an order's payment writes; one per order at most. */
export const ORDER_PAID_REASON = "ORDER_PAID";
