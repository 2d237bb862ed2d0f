import { z } from "zod";
import { NodeType } from "@/lib/generated/prisma/enums";

/** Every kind of node, in the order the console offers them. */
export const NODE_TYPES = Object.values(NodeType);

/** Largest same-city radius a node may serve, in km. */
export const MAX_RADIUS_KM = 500;
/** Largest daily capacity or cost (fen) the console accepts. */
export const MAX_NODE_FIGURE = 100_000_000;

const text = (max: number) => z.string().trim().min(1).max(max);
const count = z.number().int().min(0).max(MAX_NODE_FIGURE);

/**
 * A node as the console creates or edits it. `id` and `fingerprint` (what the admin read, see
 * nodeFingerprint) name an existing node; without them a new one is created.
 */
export const saveNodeSchema = z.object({
  id: z.string().trim().min(1).max(200).optional(),
  fingerprint: z.string().trim().min(1).max(200).optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
    // Staff read and type codes aloud: "sh-01" and "SH-01" are one node.
    .transform((code) => code.toUpperCase()),
  name: text(120),
  nameZh: text(120),
  type: z.enum(NODE_TYPES),
  organizationId: text(200),
  city: text(80),
  cityZh: text(80),
  district: z.string().trim().max(80).default(""),
  address: z.string().trim().max(200).default(""),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  shipsExpress: z.boolean(),
  offersPickup: z.boolean(),
  offersSameCity: z.boolean(),
  sameCityRadiusKm: z.number().min(0).max(MAX_RADIUS_KM),
  dailyCapacity: count,
  costPerShipment: count,
  costPerKm: count,
});
export type SaveNodeInput = z.output<typeof saveNodeSchema>;

/** Switching a node on or off; `fingerprint` is the node as the admin read it. */
export const setNodeActiveSchema = z.object({
  nodeId: z.string().trim().min(1).max(200),
  active: z.boolean(),
  fingerprint: z.string().trim().min(1).max(200),
});

/** The node fields the console edits, in one fixed order. */
export type NodeFacts = Omit<SaveNodeInput, "id" | "fingerprint"> & { active: boolean };

/** The editable facts of a node row, for the audit trail and the fingerprint. */
export function nodeFacts(node: NodeFacts): NodeFacts {
  return {
    code: node.code,
    name: node.name,
    nameZh: node.nameZh,
    type: node.type,
    organizationId: node.organizationId,
    city: node.city,
    cityZh: node.cityZh,
    district: node.district,
    address: node.address,
    latitude: node.latitude,
    longitude: node.longitude,
    shipsExpress: node.shipsExpress,
    offersPickup: node.offersPickup,
    offersSameCity: node.offersSameCity,
    sameCityRadiusKm: node.sameCityRadiusKm,
    dailyCapacity: node.dailyCapacity,
    costPerShipment: node.costPerShipment,
    costPerKm: node.costPerKm,
    active: node.active,
  };
}
