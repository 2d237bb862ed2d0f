import { describe, expect, it } from "vitest";
import { decideReserve, type ReserveRequest } from "./reserve-decision";

const options = [
  { nodeId: "a", available: 4 },
  { nodeId: "b", available: 10 },
];

describe("decideReserve", () => {
  it.each<[string, ReserveRequest, number, unknown]>([
    ["best node", { nodeId: "best", quantity: 3 }, 20, { ok: true, nodeIds: ["b", "a"] }],
    ["named node", { nodeId: "a", quantity: 3 }, 20, { ok: true, nodeIds: ["a"] }],
    [
      "channel short",
      { nodeId: "best", quantity: 6 },
      5,
      { ok: false, reason: "CHANNEL", available: 5, channelAts: 5, nodeAvailable: 10 },
    ],
    [
      "named node short",
      { nodeId: "a", quantity: 5 },
      20,
      { ok: false, reason: "STOCK", available: 4, channelAts: 20, nodeAvailable: 4 },
    ],
    [
      "no single node deep enough",
      { nodeId: "best", quantity: 11 },
      20,
      { ok: false, reason: "STOCK", available: 10, channelAts: 20, nodeAvailable: 10 },
    ],
    [
      "candidates only",
      { nodeId: "best", quantity: 5, candidateNodeIds: ["a"] },
      20,
      { ok: false, reason: "STOCK", available: 4, channelAts: 20, nodeAvailable: 4 },
    ],
    [
      "unknown node",
      { nodeId: "z", quantity: 1 },
      20,
      { ok: false, reason: "STOCK", available: 0, channelAts: 20, nodeAvailable: 0 },
    ],
  ])("%s", (_name, request, ats, expected) => {
    expect(decideReserve(request, ats, options)).toEqual(expected);
  });
});
