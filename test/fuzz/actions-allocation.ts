import {
  ALLOCATION_MODES,
  LIFECYCLES,
  POLICY_SCOPES,
  PROTECTED_STRATEGIES,
} from "@/lib/allocation-console/allocation-input";
import type { ActionSpec } from "./action-table";
import { bool, id, int, json, num, oneOf } from "./input-shapes";

// Policy and tier-rule ids have no pool of their own; SKU ids stand in, so a "real" id names no
// rule and the edit is refused as unknown, like any id from another table.
const scope = {
  scope: oneOf(POLICY_SCOPES),
  categoryId: id("styleCodes"),
  lifecycle: oneOf([...LIFECYCLES, ""]),
  skuCode: id("skuCodes"),
};
const rule = { id: id("skuIds"), version: int(1, 1_000) };

/** The fuzz entries of lib/allocation-console/actions.ts (channel allocation policies, tier switch, channel priorities). */
export const ALLOCATION_ACTIONS: Record<string, ActionSpec> = {
  "allocation-console/previewAllocationChangeAction": {
    callers: ["ADMIN"],
    shapes: [{ change: json, previewSkuCode: id("skuCodes") }],
    readOnly: true,
  },
  "allocation-console/saveAllocationPolicyAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        ...rule,
        channelCode: id("channelCodes"),
        ...scope,
        mode: oneOf(ALLOCATION_MODES),
        ratioPercent: num(0, 100),
        fixedQty: int(0, 1_000_000),
        safetyBuffer: int(0, 1_000_000),
        active: bool,
      },
      {
        channelCode: id("channelCodes"),
        ...scope,
        mode: oneOf(ALLOCATION_MODES),
        ratioPercent: num(0, 100),
        fixedQty: int(0, 1_000_000),
        safetyBuffer: int(0, 1_000_000),
        active: bool,
      },
    ],
  },
  "allocation-console/deleteAllocationPolicyAction": { callers: ["ADMIN"], shapes: [rule] },
  "allocation-console/saveTierRuleAction": {
    callers: ["ADMIN"],
    shapes: [
      {
        ...rule,
        ...scope,
        threshold: int(0, 1_000_000),
        strategy: oneOf(PROTECTED_STRATEGIES),
        active: bool,
      },
    ],
  },
  "allocation-console/deleteTierRuleAction": { callers: ["ADMIN"], shapes: [rule] },
  "allocation-console/setChannelPriorityAction": {
    callers: ["ADMIN"],
    shapes: [{ channelCode: id("channelCodes"), priority: int(1, 99), version: int(1, 1_000) }],
  },
};
