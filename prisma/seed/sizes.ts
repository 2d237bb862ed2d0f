import type { Gender, SizeSystem } from "./catalogue-types";

export type SizeOption = { label: string; order: number; demand: number };

const SHOE_RUNS: Record<Gender, readonly number[]> = {
  MEN: [39, 40, 41, 42, 43, 44, 45],
  WOMEN: [36, 37, 38, 39, 40],
  UNISEX: [36, 37, 38, 39, 40, 41, 42, 43, 44],
};

const APPAREL_RUNS: Record<Gender, readonly string[]> = {
  MEN: ["S", "M", "L", "XL", "XXL"],
  WOMEN: ["XS", "S", "M", "L", "XL"],
  UNISEX: ["XS", "S", "M", "L", "XL", "XXL"],
};

const APPAREL_ORDER = ["XS", "S", "M", "L", "XL", "XXL"];

// Middle sizes sell most: a bell curve over the run, peaking slightly above its centre.
function bellDemand(index: number, count: number): number {
  if (count === 1) return 1;
  const centre = (count - 1) * 0.55;
  const spread = Math.max(1, count / 3.5);
  return Math.exp(-0.5 * ((index - centre) / spread) ** 2);
}

/** The size run of a style, with sort order and relative demand per size. */
export function sizeRun(system: SizeSystem, gender: Gender): SizeOption[] {
  let labels: string[];
  let orders: number[];
  if (system === "SHOES") {
    const run = SHOE_RUNS[gender];
    labels = run.map(String);
    orders = [...run];
  } else if (system === "APPAREL") {
    labels = [...APPAREL_RUNS[gender]];
    orders = labels.map((label) => APPAREL_ORDER.indexOf(label) + 1);
  } else if (system === "SOCKS") {
    labels = ["S", "M", "L"];
    orders = [1, 2, 3];
  } else {
    labels = ["ONE SIZE"];
    orders = [0];
  }
  return labels.map((label, i) => ({
    label,
    order: orders[i] ?? i,
    demand: bellDemand(i, labels.length),
  }));
}

/** The size part of a SKU code ("42", "XL", "OS"). */
export function sizeCode(label: string): string {
  return label === "ONE SIZE" ? "OS" : label;
}
