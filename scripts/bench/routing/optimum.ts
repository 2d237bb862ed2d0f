import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import highsLoader, { type Highs } from "highs";
import type { EligibleNode } from "@/lib/routing/list-eligible";
import type { RoutingLine } from "@/lib/routing/types";

/** Loads the HiGHS solver from the installed package (WASM read from disk, no network). */
export async function loadSolver(): Promise<Highs> {
  const wasmPath = createRequire(import.meta.url).resolve("highs/runtime");
  return highsLoader({ wasmBinary: readFileSync(wasmPath) });
}

/** What to minimise: shipping cost (fen) or the number of parcels. */
export type Objective = "COST" | "PARCELS";

/** An exact solution: its objective value and the nodes it opens. */
export type Optimum = { value: number; nodeIds: string[]; costFen: number };

/**
 * The order as a MILP in CPLEX LP format. x[n,s] units of line s from node n, y[n] = 1 when node
 * n ships; demand per line met exactly; x[n,s] ≤ sellable[n,s]·y[n]. `maxParcels` caps Σ y.
 */
export function buildModel(
  lines: readonly RoutingLine[],
  nodes: readonly EligibleNode[],
  objective: Objective,
  maxParcels?: number,
): string {
  const terms = nodes.map((n, j) => `${objective === "COST" ? n.costFen : 1} y${j}`);
  const rows: string[] = [];
  const bounds: string[] = [];
  const integers: string[] = [];
  lines.forEach((line, s) => {
    const supply = nodes.flatMap((n, j) => ((n.sellable[s] ?? 0) > 0 ? [`x${j}_${s}`] : []));
    rows.push(` d${s}: ${supply.length > 0 ? supply.join(" + ") : "0 y0"} = ${line.quantity}`);
  });
  nodes.forEach((n, j) => {
    lines.forEach((_, s) => {
      const cap = n.sellable[s] ?? 0;
      if (cap <= 0) return;
      rows.push(` c${j}_${s}: x${j}_${s} - ${cap} y${j} <= 0`);
      bounds.push(` 0 <= x${j}_${s} <= ${cap}`);
      integers.push(`x${j}_${s}`);
    });
  });
  if (maxParcels !== undefined)
    rows.push(` p: ${nodes.map((_, j) => `y${j}`).join(" + ")} <= ${maxParcels}`);
  return [
    "Minimize",
    ` obj: ${terms.join(" + ")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    "General",
    ` ${integers.join(" ")}`,
    "Binary",
    ` ${nodes.map((_, j) => `y${j}`).join(" ")}`,
    "End",
  ].join("\n");
}

/** Solves exactly; null when no plan exists. */
export function solveOptimum(
  solver: Highs,
  lines: readonly RoutingLine[],
  nodes: readonly EligibleNode[],
  objective: Objective,
  maxParcels?: number,
): Optimum | null {
  if (nodes.length === 0) return null;
  const solution = solver.solve(buildModel(lines, nodes, objective, maxParcels), {
    time_limit: 30,
  });
  if (solution.Status !== "Optimal") return null;
  const nodeIds: string[] = [];
  let costFen = 0;
  nodes.forEach((n, j) => {
    const column = solution.Columns[`y${j}`];
    if (column && "Primal" in column && column.Primal > 0.5) {
      nodeIds.push(n.nodeId);
      costFen += n.costFen;
    }
  });
  return { value: solution.ObjectiveValue, nodeIds, costFen };
}
