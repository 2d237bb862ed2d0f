/**
 * Cache tags of catalogue reads. Reads declare them; whoever changes products, SKUs, categories
 * or web prices calls `revalidateTag(CATALOGUE_TAG, "max")` so shoppers see the change at once.
 * Stock is never cached under these tags: it is read fresh on every request.
 */
export const CATALOGUE_TAG = "catalogue";

/** Pickup stores and their districts; revalidate when a store opens, closes or moves. */
export const STORES_TAG = "stores";

/** Without an explicit revalidation a cached catalogue is refreshed at most this late. */
export const CATALOGUE_REVALIDATE_SECONDS = 300;
