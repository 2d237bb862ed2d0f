/**
 * A row whose id the seed sets itself: stable ids are what let a rerun recognise its own rows,
 * so generators promise them in the type rather than leaving them to database defaults.
 */
export type WithId<T> = T & { id: string };
