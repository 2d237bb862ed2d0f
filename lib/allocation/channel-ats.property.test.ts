import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateChannelAts, type AllocationInput } from "./channel-ats";
import {
  isGuaranteed,
  isListed,
  requestedUnits,
  type ChannelPolicy,
  type ChannelState,
} from "./tier-switch";

const policyArb: fc.Arbitrary<ChannelPolicy | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    mode: fc.constant("SHARED" as const),
    ratioBps: fc.constant(null),
    fixedQty: fc.constant(null),
    safetyBuffer: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    mode: fc.constant("RATIO" as const),
    ratioBps: fc.integer({ min: 0, max: 12_000 }),
    fixedQty: fc.constant(null),
    safetyBuffer: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    mode: fc.constant("FIXED" as const),
    ratioBps: fc.constant(null),
    fixedQty: fc.integer({ min: 0, max: 400 }),
    safetyBuffer: fc.integer({ min: 0, max: 10 }),
  }),
);

const channelsArb: fc.Arbitrary<ChannelState[]> = fc
  .array(
    fc.record({
      priority: fc.integer({ min: 1, max: 5 }),
      policy: policyArb,
      open: fc.integer({ min: 0, max: 200 }),
    }),
    { maxLength: 9 },
  )
  .map((rows) => rows.map((row, i) => ({ ...row, channelId: `ch${i}` })));

const inputArb: fc.Arbitrary<AllocationInput> = fc.record({
  poolAvailable: fc.integer({ min: 0, max: 1_000 }),
  channels: channelsArb,
  tierRule: fc.option(
    fc.record({
      threshold: fc.integer({ min: 0, max: 1_200 }),
      strategy: fc.constantFrom("PRIORITY" as const, "POLICY" as const),
    }),
    { nil: null },
  ),
});

const policyOf = (input: AllocationInput, channelId: string): ChannelPolicy | null =>
  input.channels.find((c) => c.channelId === channelId)?.policy ?? null;

describe("allocateChannelAts, for random pools and policies", () => {
  it("(a) every channel's ATS is a whole number between 0 and pool available", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const c of allocateChannelAts(input).channels) {
          expect(Number.isInteger(c.ats)).toBe(true);
          expect(c.ats).toBeGreaterThanOrEqual(0);
          expect(c.ats).toBeLessThanOrEqual(input.poolAvailable);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("(b) in protected mode guaranteed grants never exceed the allocatable pool, nor their request", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateChannelAts(input);
        const guaranteed = result.channels.filter((c) => c.guaranteed);
        const granted = guaranteed.reduce((sum, c) => sum + (c.grant ?? 0), 0);
        expect(granted).toBeLessThanOrEqual(result.allocatable);
        for (const c of guaranteed) {
          const policy = policyOf(input, c.channelId);
          expect(policy).not.toBeNull();
          if (policy)
            expect(c.grant).toBeLessThanOrEqual(requestedUnits(policy, result.allocatable));
          expect(c.ats).toBeLessThanOrEqual(Math.max(0, (c.grant ?? 0) - c.open));
        }
        const requested = guaranteed.reduce((sum, c) => {
          const policy = policyOf(input, c.channelId);
          return sum + (policy ? requestedUnits(policy, result.allocatable) : 0);
        }, 0);
        // Nobody is cut when the quotas fit.
        if (requested <= result.allocatable) {
          for (const c of guaranteed) {
            const policy = policyOf(input, c.channelId);
            if (policy) expect(c.grant).toBe(requestedUnits(policy, result.allocatable));
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("(protection) each channel's ATS plus the ATS of guaranteed channels served before it fits in the pool", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateChannelAts(input);
        let promisedBefore = 0;
        for (const c of result.channels) {
          expect(c.ats + promisedBefore).toBeLessThanOrEqual(result.poolAvailable);
          if (c.guaranteed) promisedBefore += c.ats;
        }
        if (result.strategy === "POLICY") {
          // Fixed ratios: all quotas plus what the shared channels can sell is at most the pool.
          const quotas = result.channels.filter((c) => c.guaranteed).reduce((s, c) => s + c.ats, 0);
          const sharedMax = Math.max(
            0,
            ...result.channels.filter((c) => !c.guaranteed).map((c) => c.ats),
          );
          expect(quotas + sharedMax).toBeLessThanOrEqual(result.poolAvailable);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("unlisted channels sell nothing; in shared mode listed ones sell the pool less their buffer", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateChannelAts(input);
        for (const c of result.channels) {
          const policy = policyOf(input, c.channelId);
          if (!isListed(policy)) expect(c.ats).toBe(0);
          else if (result.regime === "SHARED_ALL") {
            expect(c.ats).toBe(Math.max(0, input.poolAvailable - policy.safetyBuffer));
          }
          if (result.regime === "PROTECTED") expect(c.guaranteed).toBe(isGuaranteed(policy));
        }
        expect(result.channels).toHaveLength(input.channels.length);
      }),
      { numRuns: 1_000 },
    );
  });
});
