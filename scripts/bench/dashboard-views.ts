/** What one measured view asks the server for. */
export type DashboardView = {
  name: string;
  kind: "dashboard" | "transfers" | "replenishment";
  filter: { city?: string; nodeId?: string; categoryId?: string; skuQuery?: string };
  windowDays: number;
  /** The page's query string for the same view (HTTP mode); null for the suggestion engine. */
  httpQuery: string | null;
};

/** The demo brand's ids the views pick among. */
export type ViewPicks = {
  city: string;
  node: { id: string; code: string };
  category: { id: string; name: string };
  skuQuery: string;
};

export const DEFAULT_WINDOW_DAYS = 28;
export const LONG_WINDOW_DAYS = 112;

const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/**
 * The dashboard's views the issue names (every region, one city, one store, one category, a SKU
 * search, the long window) and the two suggestion lists, in the order they are measured.
 */
export function dashboardViews(picks: ViewPicks): DashboardView[] {
  const w = DEFAULT_WINDOW_DAYS;
  return [
    { name: "all regions", kind: "dashboard", filter: {}, windowDays: w, httpQuery: "" },
    {
      name: `city ${picks.city}`,
      kind: "dashboard",
      filter: { city: picks.city },
      windowDays: w,
      httpQuery: query({ city: picks.city }),
    },
    {
      name: `node ${picks.node.code}`,
      kind: "dashboard",
      filter: { nodeId: picks.node.id },
      windowDays: w,
      httpQuery: query({ node: picks.node.code }),
    },
    {
      name: `category ${picks.category.name}`,
      kind: "dashboard",
      filter: { categoryId: picks.category.id },
      windowDays: w,
      httpQuery: query({ category: picks.category.id }),
    },
    {
      name: `search "${picks.skuQuery}"`,
      kind: "dashboard",
      filter: { skuQuery: picks.skuQuery },
      windowDays: w,
      httpQuery: query({ q: picks.skuQuery }),
    },
    {
      name: `all regions, ${LONG_WINDOW_DAYS} days`,
      kind: "dashboard",
      filter: {},
      windowDays: LONG_WINDOW_DAYS,
      httpQuery: query({ window: String(LONG_WINDOW_DAYS) }),
    },
    { name: "transfer suggestions", kind: "transfers", filter: {}, windowDays: w, httpQuery: null },
    { name: "replenishment", kind: "replenishment", filter: {}, windowDays: w, httpQuery: null },
  ];
}
