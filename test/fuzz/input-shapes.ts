import fc, { type Arbitrary } from "fast-check";
import {
  badNumber,
  controlText,
  hugeText,
  junkText,
  notOneOf,
  poisonText,
  unknownId,
  wrongType,
} from "./bad-values";

/** Real ids from the seeded database, by kind, so that inputs can point at existing rows. */
export type SeedIds = {
  skuIds: string[];
  skuCodes: string[];
  barcodes: string[];
  nodeIds: string[];
  channelCodes: string[];
  couponCodes: string[];
  /** The consumer's own orders and their lines. */
  orderNos: string[];
  orderLineIds: string[];
  /** Fulfilment orders of the staff member's store, and their lines. */
  fulfilmentOrderIds: string[];
  fulfilmentLineIds: string[];
  styleCodes: string[];
  employeeIds: string[];
  quotaPolicyIds: string[];
};

/** One input field as the fuzzer sees it. */
export type Field =
  | { kind: "id"; pool: keyof SeedIds }
  | { kind: "text"; max: number }
  | { kind: "int"; min: number; max: number }
  | { kind: "number"; min: number; max: number }
  | { kind: "enum"; values: readonly (string | null)[] }
  | { kind: "bool" }
  | { kind: "json" }
  | { kind: "pattern"; example: Arbitrary<string> }
  | { kind: "list"; of: Shape; max: number };

/** An object input: its fields by name. */
export type Shape = Record<string, Field>;

export const id = (pool: keyof SeedIds): Field => ({ kind: "id", pool });
export const text = (max: number): Field => ({ kind: "text", max });
export const int = (min: number, max: number): Field => ({ kind: "int", min, max });
export const num = (min: number, max: number): Field => ({ kind: "number", min, max });
export const oneOf = (values: readonly (string | null)[]): Field => ({ kind: "enum", values });
export const bool: Field = { kind: "bool" };
export const json: Field = { kind: "json" };
export const pattern = (example: Arbitrary<string>): Field => ({ kind: "pattern", example });
export const list = (of: Shape, max: number): Field => ({ kind: "list", of, max });

/**
 * A value of the field's type that may or may not pass its schema. Ids come from the seed only
 * when `real` is set: such inputs are always poisoned elsewhere, so they cannot take effect.
 */
function plausible(field: Field, ids: SeedIds, real: boolean): Arbitrary<unknown> {
  switch (field.kind) {
    case "id": {
      const pool = ids[field.pool];
      return real && pool.length > 0 ? fc.oneof(fc.constantFrom(...pool), unknownId) : unknownId;
    }
    case "text":
      return fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(field.max, 30) }), controlText);
    case "int":
      return fc.integer({ min: field.min, max: field.max });
    case "number":
      return fc.double({ min: field.min, max: field.max, noNaN: true });
    case "enum":
      return fc.constantFrom(...field.values);
    case "bool":
      return fc.boolean();
    case "json":
      return fc.constantFrom("{}", '{"maxKm": 50}', "", "  ");
    case "pattern":
      return field.example;
    case "list":
      return fc.array(plausibleObject(field.of, ids, real), { maxLength: 3 });
  }
}

/** A value the field's schema refuses, or (for ids) one that names no row. */
function junk(field: Field, ids: SeedIds): Arbitrary<unknown> {
  switch (field.kind) {
    case "id":
      return fc.oneof(junkText, unknownId);
    case "text":
      return fc.oneof(poisonText, hugeText, wrongType);
    case "int":
      return fc.oneof(
        badNumber.filter((n) => !(Number.isInteger(n) && n >= field.min && n <= field.max)),
        fc.integer({ min: field.max + 1 }),
        fc.integer({ max: field.min - 1 }),
        junkText,
      );
    case "number":
      return fc.oneof(
        badNumber.filter((n) => !(n >= field.min && n <= field.max)),
        junkText.filter((v) => typeof v !== "number"),
      );
    case "enum":
      return fc.oneof(
        notOneOf(field.values),
        wrongType.filter((v) => v !== null),
      );
    case "bool":
      return fc.oneof(fc.constantFrom("true", "false", 1, 0, null), junkText);
    case "json":
      return fc.oneof(fc.constantFrom("[]", "1", "null", "{", '"x"', "{}}"), poisonText, hugeText);
    case "pattern":
      return fc.oneof(
        junkText,
        fc.string({ minLength: 1, maxLength: 3 }).map((s) => `${s}!`),
      );
    case "list":
      return fc.oneof(
        wrongType.filter((v) => !Array.isArray(v) || v.length > 0),
        fc.array(junkObject(field.of, ids), { minLength: 1, maxLength: 3 }),
        // One more item than allowed, each of them plausible.
        fc.array(plausibleObject(field.of, ids, false), {
          minLength: field.max + 1,
          maxLength: field.max + 1,
        }),
      );
  }
}

export function plausibleObject(shape: Shape, ids: SeedIds, real: boolean) {
  return fc.record(
    Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, plausible(f, ids, real)])),
  );
}

/** An object whose fields are plausible or junk, with at least one field junk. */
export function junkObject(shape: Shape, ids: SeedIds): Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(shape);
  return fc.oneof(
    ...keys.map((forced) =>
      fc.record(
        Object.fromEntries(
          keys.map((k) => [
            k,
            k === forced
              ? junk(shape[k]!, ids)
              : fc.oneof(plausible(shape[k]!, ids, false), junk(shape[k]!, ids)),
          ]),
        ),
      ),
    ),
  );
}

/**
 * A plausible input (real ids included) with one bad value put in one place: a field's value, an
 * item deep in a list, or (when `asKey` may be set: text the database cannot store) an extra key.
 * The bad value must be one no field accepts, so that the real ids cannot take effect.
 */
export function spoiledObject(
  shape: Shape,
  ids: SeedIds,
  bad: Arbitrary<string> = poisonText,
  keys = true,
): Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(plausibleObject(shape, ids, true), fc.nat(), bad, fc.boolean())
    .map(([value, pick, spoiler, asKey]) => {
      // An extra key is stripped by the schema, so only text refused anywhere may go there.
      const slots = slotsOf(value).filter((slot) => keys || slot.key !== EXTRA);
      const slot = slots[pick % slots.length]!;
      if (keys && asKey) slot.container[spoiler] = "x";
      else slot.container[slot.key] = spoiler;
      return value;
    });
}

/** Whether a shape names a row anywhere (so that an input with unknown ids must be refused). */
export function namesRows(shape: Shape): boolean {
  return Object.values(shape).some(
    (field) => field.kind === "id" || (field.kind === "list" && namesRows(field.of)),
  );
}

const EXTRA = "extra";

type Slot = { container: Record<string, unknown>; key: string };

function slotsOf(value: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [{ container: value, key: EXTRA }];
  for (const [key, child] of Object.entries(value)) {
    slots.push({ container: value, key });
    if (Array.isArray(child)) {
      for (const item of child) {
        if (typeof item === "object" && item !== null) {
          slots.push(...slotsOf(item as Record<string, unknown>));
        }
      }
    }
  }
  return slots;
}
