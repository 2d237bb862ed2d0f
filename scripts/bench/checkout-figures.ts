import { latencyOf, perSecond, round, type Latency } from "./stats";

/** One press of "Place order": when it ended (ms after the run began), how long it took. */
export type Press = {
  outcome: "placed" | "refused" | "error";
  /** The refusal's code (OUT_OF_STOCK…) or the error, for the tally. */
  code?: string;
  endMs: number;
  latencyMs: number;
};

export type PressFigures = {
  presses: number;
  successes: number;
  refusals: number;
  errors: number;
  refusalCodes: Record<string, number>;
  wallMs: number;
  /** Orders placed per second, from the start to the last order placed. */
  successesPerSec: number;
  /** When the last order was placed (ms after the start); null when none was. */
  soldOutAtMs: number | null;
  /** Refusals that ended after the last order was placed. */
  refusalsAfterSellOut: number;
  /** Those refusals per second, from the last order placed to the end; null when none. */
  refusalsPerSecAfterSellOut: number | null;
  all: Latency;
  placed: Latency;
  refused: Latency;
  refusedAfterSellOut: Latency;
};

/** The figures of a run's presses. */
export function pressFigures(presses: readonly Press[], wallMs: number): PressFigures {
  const placed = presses.filter((p) => p.outcome === "placed");
  const refused = presses.filter((p) => p.outcome === "refused");
  const refusalCodes: Record<string, number> = {};
  for (const p of presses)
    if (p.outcome !== "placed") {
      const code = p.code ?? p.outcome;
      refusalCodes[code] = (refusalCodes[code] ?? 0) + 1;
    }
  const soldOutAtMs = placed.length > 0 ? Math.max(...placed.map((p) => p.endMs)) : null;
  const after = soldOutAtMs === null ? refused : refused.filter((p) => p.endMs > soldOutAtMs);
  const afterMs = wallMs - (soldOutAtMs ?? 0);
  return {
    presses: presses.length,
    successes: placed.length,
    refusals: refused.length,
    errors: presses.filter((p) => p.outcome === "error").length,
    refusalCodes,
    wallMs: round(wallMs, 0),
    successesPerSec: soldOutAtMs === null ? 0 : perSecond(placed.length, soldOutAtMs),
    soldOutAtMs: soldOutAtMs === null ? null : round(soldOutAtMs, 0),
    refusalsAfterSellOut: after.length,
    refusalsPerSecAfterSellOut: after.length > 0 ? perSecond(after.length, afterMs) : null,
    all: latencyOf(presses.map((p) => p.latencyMs)),
    placed: latencyOf(placed.map((p) => p.latencyMs)),
    refused: latencyOf(refused.map((p) => p.latencyMs)),
    refusedAfterSellOut: latencyOf(after.map((p) => p.latencyMs)),
  };
}
