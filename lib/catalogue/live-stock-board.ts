import type { FeedEvent, FeedPage } from "@/lib/feed/feed-types";

/** How many recent web-stock changes a board keeps for its listeners. */
export const BOARD_CAPACITY = 5_000;

/**
 * The recent published changes of the web channel's stock, kept in memory so that every shopper
 * watching a product page reads them without a query of their own: one reader per server
 * process fills the board, each page's stream picks its SKUs out of it.
 */
export class LiveStockBoard {
  private events: FeedEvent[] = [];
  cursor: number;

  constructor(cursor: number) {
    this.cursor = cursor;
  }

  /** Adds a page read from the feed, forgetting the oldest changes beyond the capacity. */
  add(page: Pick<FeedPage, "cursor" | "events">): void {
    this.events.push(...page.events.filter((e) => e.id > this.cursor));
    if (this.events.length > BOARD_CAPACITY)
      this.events.splice(0, this.events.length - BOARD_CAPACITY);
    this.cursor = Math.max(this.cursor, page.cursor);
  }

  /** The changes after `since` of the SKUs a page shows, and where to continue from. */
  page(since: number, skuCodes: ReadonlySet<string>): Pick<FeedPage, "cursor" | "events"> {
    const events = this.events.filter((e) => e.id > since && skuCodes.has(e.skuCode));
    return { cursor: this.cursor, events };
  }
}
