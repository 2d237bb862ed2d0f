import { DEFAULT_SORT, SORT_KEYS, type SortDir, type TotalsSort } from "./sort-totals";

/** The slow-mover threshold a screen accepts, in days, and its default. */
export const SLOW_DAYS = { min: 14, max: 365, default: 90 } as const;
/** The longest SKU search a screen passes on. */
export const MAX_QUERY_LENGTH = 64;

/** What the dashboard shows: the drill-down level, the filters, the sort and the window. */
export type DashboardState = {
  city?: string;
  node?: { id: string; code: string; city: string };
  categoryId?: string;
  q?: string;
  sort: TotalsSort;
  windowDays: number;
  /** The window a URL without one shows (the first choice offered). */
  defaultWindowDays: number;
  slowDays: number;
};

/** The dashboard's search params, each already one clean string or undefined. */
export type DashboardParams = Partial<
  Record<"city" | "node" | "category" | "q" | "sort" | "dir" | "window" | "slow", string>
>;

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/**
 * Reads the dashboard's params against the active nodes and the windows offered. Anything unknown or out of range falls
 * back to its default rather than failing the page: a city no active node is in, a node code no
 * active node has (codes are upper-case, any case is accepted), a window not offered, a sort
 * column that does not exist. A node sets its own city.
 */
export function parseDashboardParams(
  params: DashboardParams,
  {
    nodes,
    windowChoices,
  }: {
    nodes: readonly { id: string; code: string; city: string }[];
    /** Sales windows offered, in days; the first is the default. */
    windowChoices: readonly [number, ...number[]];
  },
): DashboardState {
  const code = params.node?.toUpperCase();
  const node = code === undefined ? undefined : nodes.find((n) => n.code === code);
  const city = node?.city ?? nodes.find((n) => n.city === params.city)?.city;
  const window = wholeNumber(params.window);
  const slow = wholeNumber(params.slow);
  const key = SORT_KEYS.find((k) => k === params.sort);
  const dir: SortDir | undefined =
    params.dir === "asc" || params.dir === "desc" ? params.dir : undefined;
  const q = params.q?.trim().slice(0, MAX_QUERY_LENGTH);
  return {
    ...(city ? { city } : {}),
    ...(node ? { node: { id: node.id, code: node.code, city: node.city } } : {}),
    ...(params.category ? { categoryId: params.category } : {}),
    ...(q ? { q } : {}),
    sort: key ? { key, dir: dir ?? (key === "name" ? "asc" : "desc") } : DEFAULT_SORT,
    windowDays: windowChoices.find((d) => d === window) ?? windowChoices[0],
    defaultWindowDays: windowChoices[0],
    slowDays:
      slow !== null && slow >= SLOW_DAYS.min && slow <= SLOW_DAYS.max ? slow : SLOW_DAYS.default,
  };
}

/** A change to the dashboard's state; `undefined` removes a filter. */
export type DashboardChange = Partial<{
  city: string | undefined;
  node: string | undefined;
  categoryId: string | undefined;
  sort: TotalsSort;
}>;

/**
 * The dashboard's URL for the state with a change, writing only what differs from the defaults.
 * Leaving a city leaves its node; choosing a city leaves any node of another.
 */
export function dashboardHref(state: DashboardState, change: DashboardChange = {}): string {
  const city = "city" in change ? change.city : state.city;
  const node = "node" in change ? change.node : state.node?.code;
  const keepNode = node !== undefined && ("node" in change || city === state.node?.city);
  const categoryId = "categoryId" in change ? change.categoryId : state.categoryId;
  const sort = change.sort ?? state.sort;
  const params = new URLSearchParams();
  if (city) params.set("city", city);
  if (keepNode && city) params.set("node", node);
  if (categoryId) params.set("category", categoryId);
  if (state.q) params.set("q", state.q);
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) {
    params.set("sort", sort.key);
    params.set("dir", sort.dir);
  }
  if (state.windowDays !== state.defaultWindowDays) params.set("window", String(state.windowDays));
  if (state.slowDays !== SLOW_DAYS.default) params.set("slow", String(state.slowDays));
  const query = params.toString();
  return query ? `/admin/inventory?${query}` : "/admin/inventory";
}
