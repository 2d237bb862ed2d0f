import type { Evaluation } from "./evaluate";
import { buildExplanation, explainCandidates, type Explanation } from "./explain";
import { renderSentences } from "./messages";
import type { Plan } from "./rules/rule-types";
import type {
  Alternative,
  Assignment,
  FulfilmentMethod,
  MessagePart,
  RefusalCode,
  SkuAvailability,
} from "./types";

/** The order is routed: who sends what, at what shipping cost (fen), and why. */
export type RoutingSuccess = {
  ok: true;
  assignments: Assignment[];
  costFen: number;
  explanation: Explanation;
  /** Other ways the customer might prefer, e.g. a nearby store that has everything now. */
  alternatives: Alternative[];
};

/** The order cannot be routed as asked: why, what is available where, and what to offer instead. */
export type RoutingRefusal = {
  ok: false;
  code: RefusalCode;
  message: string;
  messageParts: MessagePart[];
  availability: SkuAvailability[];
  alternatives: Alternative[];
  /** The candidates and why each was out, when routing got as far as looking at them. */
  explanation: Explanation | null;
};

/** What `routeOrder` answers. */
export type RoutingResult = RoutingSuccess | RoutingRefusal;

/** The assignments of a plan: each node's non-zero lines, optionally shipped to a pickup store. */
export function assignmentsOf(
  plan: Plan,
  lines: readonly { skuId: string }[],
  shipToNodeId?: string,
): Assignment[] {
  return plan.parts.map((part) => ({
    nodeId: part.facts.node.id,
    lines: part.quantities.flatMap((quantity, i) => {
      const skuId = lines[i]?.skuId;
      return quantity > 0 && skuId !== undefined ? [{ skuId, quantity }] : [];
    }),
    ...(shipToNodeId ? { shipToNodeId } : {}),
  }));
}

/** A refusal; with an evaluation, its candidates are kept so the admin can see why each was out. */
export function refuse(input: {
  code: RefusalCode;
  method: FulfilmentMethod;
  parts: MessagePart[];
  availability?: SkuAvailability[];
  alternatives?: Alternative[];
  evaluation?: Evaluation;
}): RoutingRefusal {
  const { evaluation } = input;
  return {
    ok: false,
    code: input.code,
    message: renderSentences(input.parts),
    messageParts: input.parts,
    availability: input.availability ?? [],
    alternatives: input.alternatives ?? [],
    explanation: evaluation
      ? buildExplanation({
          method: input.method,
          candidates: explainCandidates(evaluation, "FULFIL", new Set()),
          winners: [],
          plan: null,
          runnerUp: null,
          evaluations: [evaluation],
          summaryParts: input.parts,
        })
      : null,
  };
}
