import { describe, expect, it } from "vitest";
import { pickedWording } from "./pick-wording";

describe("pickedWording", () => {
  it.each([
    [{ lineCount: 2, parcelsWaiting: 0 }, "ALL_PICKED"],
    [{ lineCount: 1, parcelsWaiting: 1 }, "ALL_PICKED"],
    [{ lineCount: 0, parcelsWaiting: 1 }, "AWAITING_PARCELS"],
    [{ lineCount: 0, parcelsWaiting: 3 }, "AWAITING_PARCELS"],
    [{ lineCount: 0, parcelsWaiting: 0 }, "NOTHING_HERE"],
  ] as const)("%o → %s", (task, wording) => {
    expect(pickedWording(task)).toBe(wording);
  });
});
