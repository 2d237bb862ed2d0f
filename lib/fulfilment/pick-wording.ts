/** How the console words a task that has reached PICKED. */
export type PickedWording = "ALL_PICKED" | "NOTHING_HERE" | "AWAITING_PARCELS";

/**
 * What staff are told once picking is done. Only a task with lines of its own had items picked;
 * a pickup store that holds none of the items picked nothing, and while parcels are still on the
 * way the items are not in the store at all: never "all items picked" then.
 */
export function pickedWording(task: { lineCount: number; parcelsWaiting: number }): PickedWording {
  if (task.lineCount > 0) return "ALL_PICKED";
  return task.parcelsWaiting > 0 ? "AWAITING_PARCELS" : "NOTHING_HERE";
}
