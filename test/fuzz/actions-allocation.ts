import type { ActionSpec } from "./action-table";

/** The fuzz entries of lib/allocation/actions.ts (channel allocation policies, tier switch, channel priorities). */
export const ALLOCATION_ACTIONS: Record<string, ActionSpec> = {};
