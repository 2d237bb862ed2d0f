import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChannelPolicy, TierRule } from "@/lib/allocation/tier-switch";
import { nodeAvailable, type NodeStock } from "@/lib/inventory/availability";
import { allocateSnapshot, type SkuSnapshot } from "@/lib/allocation/sku-snapshot";
import { decideChannelReserve } from "./reserve-decision";
import { BEST_NODE } from "./rules";

type Config = {
  nodes: { onHand: number; safetyStock: number; active: boolean }[];
  channels: { priority: number; policy: ChannelPolicy | null }[];
  tierRule: TierRule | null;
};

/** The system under test: the pure decision applied to a tiny in-memory stock book. */
class PureStockBook {
  levels: NodeStock[];
  holds: { channelId: string; nodeId: string; quantity: number }[] = [];
  everShared = false;

  constructor(readonly config: Config) {
    this.levels = config.nodes.map((n, i) => ({
      onHand: n.onHand,
      safetyStock: n.safetyStock,
      reserved: 0,
      node: {
        nodeId: `n${i}`,
        type: "STORE_DIRECT",
        city: "Shanghai",
        active: n.active,
        shipsExpress: true,
        offersPickup: true,
        offersSameCity: true,
      },
    }));
  }

  snapshot(): SkuSnapshot {
    return {
      levels: this.levels,
      tierRule: this.config.tierRule,
      channels: this.config.channels.map((c, i) => ({
        channelId: `c${i}`,
        priority: c.priority,
        policy: c.policy,
        open: this.holds.filter((h) => h.channelId === `c${i}`).reduce((s, h) => s + h.quantity, 0),
      })),
    };
  }

  /** Decide, then promise at the first node whose compare-and-set condition holds. */
  reserve(channelId: string, nodeId: string, quantity: number): boolean {
    if (allocateSnapshot(this.snapshot()).regime === "SHARED_ALL") this.everShared = true;
    const decision = decideChannelReserve(this.snapshot(), channelId, { nodeId, quantity });
    if (!decision.ok) return false;
    for (const id of decision.nodeIds) {
      const level = this.levels.find((l) => l.node.nodeId === id);
      if (level && level.onHand - level.reserved - level.safetyStock >= quantity) {
        level.reserved += quantity;
        this.holds.push({ channelId, nodeId: id, quantity });
        return true;
      }
    }
    return false;
  }

  release(index: number): void {
    const [hold] = this.holds.splice(index % this.holds.length, 1);
    const level = this.levels.find((l) => l.node.nodeId === hold?.nodeId);
    if (hold && level) level.reserved -= hold.quantity;
  }
}

/** The model: only what must be true of any correct engine. */
type Model = { promised: number };

function checkInvariants(model: Model, book: PureStockBook): void {
  // (c) physical: no node ever promises more than it holds above its safety stock.
  for (const level of book.levels) {
    expect(level.reserved).toBeLessThanOrEqual(Math.max(0, level.onHand - level.safetyStock));
  }
  // The book's counters equal the holds and the model's running total.
  const reserved = book.levels.reduce((s, l) => s + l.reserved, 0);
  expect(reserved).toBe(book.holds.reduce((s, h) => s + h.quantity, 0));
  expect(reserved).toBe(model.promised);
  // Protection: while allocation has stayed protected, the unsold quotas of the guaranteed
  // channels served before any shared channel are still physically in the pool.
  if (book.everShared) return;
  const allocation = allocateSnapshot(book.snapshot());
  if (allocation.regime !== "PROTECTED") return;
  const policyOf = new Map(book.snapshot().channels.map((c) => [c.channelId, c.policy]));
  let quotas = 0;
  for (const c of allocation.channels) {
    if (c.listed && !c.guaranteed) break;
    if (!c.guaranteed) continue;
    quotas += Math.max(0, (c.grant ?? 0) - c.open - (policyOf.get(c.channelId)?.safetyBuffer ?? 0));
  }
  expect(quotas).toBeLessThanOrEqual(allocation.poolAvailable);
}

class ReserveCommand implements fc.Command<Model, PureStockBook> {
  constructor(
    readonly channel: number,
    readonly node: number | null,
    readonly quantity: number,
  ) {}
  check = (): boolean => true;
  run(model: Model, book: PureStockBook): void {
    const channelId = `c${this.channel % Math.max(1, book.config.channels.length)}`;
    const nodeId = this.node === null ? BEST_NODE : `n${this.node % book.levels.length}`;
    const before = book.snapshot();
    const ats = allocateSnapshot(before).channels.find((c) => c.channelId === channelId)?.ats ?? 0;
    const pool = before.levels
      .filter((l) => l.node.active)
      .reduce((s, l) => s + nodeAvailable(l), 0);
    if (book.reserve(channelId, nodeId, this.quantity)) {
      expect(this.quantity).toBeLessThanOrEqual(ats);
      expect(this.quantity).toBeLessThanOrEqual(pool);
      model.promised += this.quantity;
    }
    checkInvariants(model, book);
  }
  toString = (): string => `reserve(c${this.channel}, ${this.node ?? BEST_NODE}, ${this.quantity})`;
}

class ReleaseCommand implements fc.Command<Model, PureStockBook> {
  constructor(readonly index: number) {}
  check = (): boolean => true;
  run(model: Model, book: PureStockBook): void {
    if (book.holds.length === 0) return;
    const hold = book.holds[this.index % book.holds.length];
    book.release(this.index);
    model.promised -= hold?.quantity ?? 0;
    checkInvariants(model, book);
  }
  toString = (): string => `release(${this.index})`;
}

const policyArb: fc.Arbitrary<ChannelPolicy | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    mode: fc.constant("SHARED" as const),
    ratioBps: fc.constant(null),
    fixedQty: fc.constant(null),
    safetyBuffer: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    mode: fc.constant("RATIO" as const),
    ratioBps: fc.integer({ min: 0, max: 10_000 }),
    fixedQty: fc.constant(null),
    safetyBuffer: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    mode: fc.constant("FIXED" as const),
    ratioBps: fc.constant(null),
    fixedQty: fc.integer({ min: 0, max: 60 }),
    safetyBuffer: fc.integer({ min: 0, max: 3 }),
  }),
);

const configArb: fc.Arbitrary<Config> = fc.record({
  nodes: fc.array(
    fc.record({
      onHand: fc.integer({ min: 0, max: 60 }),
      safetyStock: fc.integer({ min: 0, max: 5 }),
      active: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  channels: fc.array(fc.record({ priority: fc.integer({ min: 1, max: 4 }), policy: policyArb }), {
    minLength: 1,
    maxLength: 5,
  }),
  tierRule: fc.option(
    fc.record({
      threshold: fc.integer({ min: 0, max: 200 }),
      strategy: fc.constantFrom("PRIORITY" as const, "POLICY" as const),
    }),
    { nil: null },
  ),
});

const commandsArb = fc.commands(
  [
    fc
      .tuple(fc.nat(9), fc.option(fc.nat(9), { nil: null }), fc.integer({ min: 1, max: 25 }))
      .map(([c, n, q]) => new ReserveCommand(c, n, q)),
    fc.nat(50).map((i) => new ReleaseCommand(i)),
  ],
  { maxCommands: 60 },
);

describe("the pure reserve decision, model-based", () => {
  it("(c) no sequence of reservations and releases oversells a node or breaks a protected quota", () => {
    fc.assert(
      fc.property(configArb, commandsArb, (config, commands) => {
        fc.modelRun(() => ({ model: { promised: 0 }, real: new PureStockBook(config) }), commands);
      }),
      { numRuns: 1_000 },
    );
  });
});
