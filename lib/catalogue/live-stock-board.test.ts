import { describe, expect, it } from "vitest";
import { BOARD_CAPACITY, LiveStockBoard } from "./live-stock-board";

const event = (id: number, skuCode: string, ats: number) => ({
  id,
  skuCode,
  ats,
  cause: "stock",
  at: "2026-12-05T10:00:00.000Z",
});

describe("the live web-stock board", () => {
  it("gives each page the changes of its own SKUs after its cursor", () => {
    const board = new LiveStockBoard(10);
    board.add({
      cursor: 13,
      events: [event(11, "A-1", 2), event(12, "B-1", 0), event(13, "A-1", 0)],
    });
    expect(board.page(10, new Set(["A-1"]))).toEqual({
      cursor: 13,
      events: [event(11, "A-1", 2), event(13, "A-1", 0)],
    });
    expect(board.page(11, new Set(["A-1", "B-1"])).events.map((e) => e.id)).toEqual([12, 13]);
    expect(board.page(13, new Set(["A-1"]))).toEqual({ cursor: 13, events: [] });
  });

  it("ignores a change it already holds and keeps only the most recent ones", () => {
    const board = new LiveStockBoard(0);
    board.add({ cursor: 1, events: [event(1, "A-1", 1)] });
    board.add({ cursor: 1, events: [event(1, "A-1", 1)] });
    expect(board.page(0, new Set(["A-1"])).events).toHaveLength(1);
    const many = Array.from({ length: BOARD_CAPACITY + 5 }, (_, i) => event(i + 2, "A-1", i));
    board.add({ cursor: BOARD_CAPACITY + 6, events: many });
    const kept = board.page(0, new Set(["A-1"])).events;
    expect(kept).toHaveLength(BOARD_CAPACITY);
    expect(kept.at(-1)?.id).toBe(BOARD_CAPACITY + 6);
  });
});
