/** A channel's whole published stock; poll `?since=cursor` afterwards for changes. */
export type FeedSnapshot = {
  channel: string;
  cursor: number;
  generatedAt: string;
  items: { skuCode: string; ats: number; updatedAt: string }[];
};

/** One published change of a channel's ATS for a SKU. */
export type FeedEvent = { id: number; skuCode: string; ats: number; cause: string; at: string };

/** Changes after a cursor, oldest first; `cursor` is where to continue from. */
export type FeedPage = {
  channel: string;
  cursor: number;
  events: FeedEvent[];
  hasMore: boolean;
};

/** Largest page of events one `?since` read returns. */
export const FEED_PAGE_LIMIT = 1_000;
