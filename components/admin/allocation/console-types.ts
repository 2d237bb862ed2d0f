import type { AllocationConsole } from "@/lib/allocation-console/list-allocation-console.server";

// The console's rows as the page passes them to its client parts.
export type ConsoleChannel = AllocationConsole["channels"][number];
export type ConsolePolicy = AllocationConsole["policies"][number];
export type ConsoleTierRule = AllocationConsole["tierRules"][number];
export type ConsoleCategory = AllocationConsole["categories"][number];
