import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  entriesForRefund,
  entriesForSale,
  shareAt,
  type EntryDraft,
  type SaleFacts,
} from "./settlement-rules";

const CHANNEL = { id: "ch-web", organizationId: "org-brand" };

const sum = (entries: readonly EntryDraft[]) => entries.reduce((s, e) => s + e.amount, 0);

/** Entries of a pair share kind and node or beneficiary; REFUND / SALES_CREDIT stand alone. */
const pairKey = (e: EntryDraft) => `${e.kind}|${e.nodeId ?? ""}|${e.beneficiaryUserId ?? ""}`;

/** The sum of each pair (fee, commission, discount) in a list of entries. */
function pairSums(entries: readonly EntryDraft[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === "SALES_CREDIT" || e.kind === "REFUND") continue;
    sums.set(pairKey(e), (sums.get(pairKey(e)) ?? 0) + e.amount);
  }
  return sums;
}

/** What one organisation holds per entry (SALES_CREDIT and REFUND are the same money). */
const holdingKey = (e: EntryDraft) =>
  [
    e.organizationId,
    e.kind === "REFUND" ? "SALES_CREDIT" : e.kind,
    e.channelId ?? "",
    e.nodeId ?? "",
    e.beneficiaryUserId ?? "",
  ].join("|");

function holdings(entries: readonly EntryDraft[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) out.set(holdingKey(e), (out.get(holdingKey(e)) ?? 0) + e.amount);
  return out;
}

/** A store-fulfilled, guided employee order: 10,000 fen of goods and a 1,000 fen delivery fee. */
const SALE: SaleFacts = {
  total: 11_000,
  goodsPaid: 10_000,
  channel: CHANNEL,
  storeFulfilments: [
    { nodeId: "store-a", organizationId: "org-a", goods: 7_000 },
    { nodeId: "store-b", organizationId: "org-b", goods: 3_000 },
  ],
  guide: { userId: "guide-1", organizationId: "org-a" },
  employee: { listValue: 14_000, employerOrganizationId: "org-brand" },
  rates: { fulfilmentFeeBps: 600, guideCommissionBps: 300 },
};

/** Refunds `steps` (amounts) one after another, each booked with what was refunded before. */
function refundInSteps(sale: readonly EntryDraft[], total: number, steps: readonly number[]) {
  let before = 0;
  return steps.map((amount) => {
    const entries = entriesForRefund({ sale, channel: CHANNEL, total, before, amount });
    before += amount;
    return { amount, entries };
  });
}

describe("settlement rules", () => {
  it("shares at basis points in whole fen, rounded down, never of a negative base", () => {
    expect(shareAt(10_000, 600)).toBe(600);
    expect(shareAt(999, 600)).toBe(59); // 59.94
    expect(shareAt(1, 9_999)).toBe(0);
    expect(shareAt(-5_000, 600)).toBe(0);
    expect(shareAt(12_345, 0)).toBe(0);
    expect(shareAt(12_345, 10_000)).toBe(12_345);
  });

  it("books the sales credit and a pair for each fee, commission and discount", () => {
    const entries = entriesForSale(SALE);
    expect(entries).toEqual([
      { organizationId: "org-brand", channelId: "ch-web", kind: "SALES_CREDIT", amount: 11_000 },
      {
        organizationId: "org-a",
        nodeId: "store-a",
        rateBps: 600,
        kind: "FULFILMENT_FEE",
        amount: 420,
      },
      {
        organizationId: "org-brand",
        channelId: "ch-web",
        nodeId: "store-a",
        rateBps: 600,
        kind: "FULFILMENT_FEE",
        amount: -420,
      },
      {
        organizationId: "org-b",
        nodeId: "store-b",
        rateBps: 600,
        kind: "FULFILMENT_FEE",
        amount: 180,
      },
      {
        organizationId: "org-brand",
        channelId: "ch-web",
        nodeId: "store-b",
        rateBps: 600,
        kind: "FULFILMENT_FEE",
        amount: -180,
      },
      // 3 % of the paid goods (the delivery fee earns no commission).
      {
        organizationId: "org-a",
        beneficiaryUserId: "guide-1",
        rateBps: 300,
        kind: "GUIDE_COMMISSION",
        amount: 300,
      },
      {
        organizationId: "org-brand",
        channelId: "ch-web",
        beneficiaryUserId: "guide-1",
        rateBps: 300,
        kind: "GUIDE_COMMISSION",
        amount: -300,
      },
      // List value 14,000 less the 10,000 the employee paid for the goods.
      {
        organizationId: "org-brand",
        channelId: "ch-web",
        kind: "EMPLOYEE_DISCOUNT",
        amount: 4_000,
      },
      { organizationId: "org-brand", kind: "EMPLOYEE_DISCOUNT", amount: -4_000 },
    ]);
    expect(sum(entries)).toBe(SALE.total);
    expect([...pairSums(entries).values()].every((s) => s === 0)).toBe(true);
  });

  it("writes no empty entries: no fee at 0 %, no discount when nothing was discounted, no credit for 0", () => {
    const entries = entriesForSale({
      ...SALE,
      total: 0,
      goodsPaid: 0,
      storeFulfilments: [{ nodeId: "store-a", organizationId: "org-a", goods: 0 }],
      employee: { listValue: 0, employerOrganizationId: "org-brand" },
    });
    expect(entries).toEqual([]);
    const plain = entriesForSale({
      ...SALE,
      guide: null,
      employee: { listValue: 9_000, employerOrganizationId: "org-brand" },
      rates: { fulfilmentFeeBps: 0, guideCommissionBps: 300 },
    });
    expect(plain).toEqual([
      { organizationId: "org-brand", channelId: "ch-web", kind: "SALES_CREDIT", amount: 11_000 },
    ]);
  });

  it("a refund's entries sum to minus the refund, and every pair stays balanced", () => {
    const sale = entriesForSale(SALE);
    const refund = entriesForRefund({
      sale,
      channel: CHANNEL,
      total: SALE.total,
      before: 0,
      amount: 3_333,
    });
    expect(sum(refund)).toBe(-3_333);
    expect(refund.find((e) => e.kind === "REFUND")).toMatchObject({
      organizationId: "org-brand",
      channelId: "ch-web",
      amount: -3_333,
    });
    expect(refund.some((e) => e.kind === "SALES_CREDIT")).toBe(false);
    expect([...pairSums(refund).values()].every((s) => s === 0)).toBe(true);
    // The fee of store a (420 of 11,000) reversed for 3,333: 127.2 → 127, on both sides.
    expect(refund.filter((e) => e.nodeId === "store-a").map((e) => e.amount)).toEqual([-127, 127]);
    // Each reversal carries what its sale entry carried (rate, node, beneficiary).
    expect(refund.find((e) => e.kind === "GUIDE_COMMISSION" && e.amount < 0)).toMatchObject({
      organizationId: "org-a",
      beneficiaryUserId: "guide-1",
      rateBps: 300,
    });
  });

  it("refunding the whole order in several steps reverses every entry exactly", () => {
    const sale = entriesForSale(SALE);
    const steps = refundInSteps(sale, SALE.total, [1, 3_333, 2_999, 7, 4_660]);
    for (const step of steps) expect(sum(step.entries)).toBe(-step.amount);
    const all = [...sale, ...steps.flatMap((s) => s.entries)];
    expect([...holdings(all).values()].every((v) => v === 0)).toBe(true);
  });

  it("an order paid before the ledger existed gives the refund back from the channel all the same", () => {
    expect(
      entriesForRefund({ sale: [], channel: CHANNEL, total: 5_000, before: 1_000, amount: 2_000 }),
    ).toEqual([
      { organizationId: "org-brand", channelId: "ch-web", kind: "REFUND", amount: -2_000 },
    ]);
  });
});

const saleArb: fc.Arbitrary<SaleFacts> = fc
  .record({
    goodsPaid: fc.integer({ min: 0, max: 5_000_000 }),
    shippingFee: fc.integer({ min: 0, max: 5_000 }),
    storeWeights: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 3 }),
    storeOrgs: fc.array(fc.constantFrom("org-a", "org-b", "org-brand"), {
      minLength: 3,
      maxLength: 3,
    }),
    guide: fc.option(fc.constantFrom("org-a", "org-b"), { nil: null }),
    employeeExtra: fc.option(fc.integer({ min: -1_000, max: 2_000_000 }), { nil: null }),
    fee: fc.integer({ min: 0, max: 10_000 }),
    commission: fc.integer({ min: 0, max: 10_000 }),
  })
  .map((r) => {
    const weightSum = r.storeWeights.reduce((s, w) => s + w, 0);
    return {
      total: r.goodsPaid + r.shippingFee,
      goodsPaid: r.goodsPaid,
      channel: CHANNEL,
      storeFulfilments: r.storeWeights.map((w, i) => ({
        nodeId: `store-${i}`,
        organizationId: r.storeOrgs[i]!,
        goods: weightSum === 0 ? 0 : Math.floor((r.goodsPaid * w) / weightSum),
      })),
      guide: r.guide ? { userId: "guide-1", organizationId: r.guide } : null,
      employee:
        r.employeeExtra === null
          ? null
          : { listValue: r.goodsPaid + r.employeeExtra, employerOrganizationId: "org-brand" },
      rates: { fulfilmentFeeBps: r.fee, guideCommissionBps: r.commission },
    };
  });

/** A sale and refunds that add up to at most its total (`whole`: exactly its total). */
const saleWithRefunds = (whole: boolean) =>
  saleArb
    .filter((sale) => sale.total > 0)
    .chain((sale) =>
      fc
        .array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 6 })
        .map((weights) => {
          const weightSum = weights.reduce((s, w) => s + w, 0);
          // Cumulative cut points, so the steps are positive where possible and add up exactly.
          const target = whole ? sale.total : Math.floor(sale.total / 2);
          let acc = 0;
          let cutBefore = 0;
          const steps: number[] = [];
          for (const w of weights) {
            acc += w;
            const cut = Math.floor((target * acc) / weightSum);
            if (cut > cutBefore) steps.push(cut - cutBefore);
            cutBefore = cut;
          }
          return { sale, steps };
        }),
    );

describe("settlement rules, for random orders and refunds", () => {
  it("a sale's entries sum to its total and every pair sums to zero", () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const entries = entriesForSale(sale);
        expect(sum(entries)).toBe(sale.total);
        for (const s of pairSums(entries).values()) expect(s).toBe(0);
        expect(entries.every((e) => e.amount !== 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("each refund sums to minus its amount and keeps every pair balanced, whatever the rounding", () => {
    fc.assert(
      fc.property(saleWithRefunds(false), ({ sale, steps }) => {
        const booked = entriesForSale(sale);
        for (const step of refundInSteps(booked, sale.total, steps)) {
          expect(sum(step.entries)).toBe(-step.amount);
          for (const s of pairSums(step.entries).values()) expect(s).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("refunds never reverse more than an entry booked, and the whole total in steps reverses all", () => {
    fc.assert(
      fc.property(saleWithRefunds(true), ({ sale, steps }) => {
        const booked = entriesForSale(sale);
        const refunds = refundInSteps(booked, sale.total, steps);
        const all = [...booked, ...refunds.flatMap((r) => r.entries)];
        // After every step, what each organisation holds lies between the sale and zero.
        const sold = holdings(booked);
        let running = [...booked];
        for (const r of refunds) {
          running = [...running, ...r.entries];
          for (const [key, value] of holdings(running)) {
            const original = sold.get(key) ?? 0;
            expect(Math.sign(value) === 0 || Math.sign(value) === Math.sign(original)).toBe(true);
            expect(Math.abs(value)).toBeLessThanOrEqual(Math.abs(original));
          }
        }
        for (const v of holdings(all).values()) expect(v).toBe(0);
        expect(sum(all)).toBe(0);
      }),
      { numRuns: 400 },
    );
  });
});
