import type {
  FulfilmentMethod,
  NodeType,
  RoutingRuleKind,
  RoutingRuleMode,
} from "@/lib/generated/prisma/enums";

export type { FulfilmentMethod, NodeType, RoutingRuleKind, RoutingRuleMode };

/** One order line as routing sees it. */
export type RoutingLine = { skuId: string; quantity: number };

/** Where the order goes: a store (pickup, or shipped to it) or a delivery address's coordinates. */
export type Destination =
  { kind: "store"; nodeId: string } | { kind: "point"; lat: number; lng: number };

/** What to route. `excludedNodeIds` holds the nodes that already rejected this order. */
export type RoutingRequest = {
  lines: readonly RoutingLine[];
  method: FulfilmentMethod;
  destination: Destination;
  excludedNodeIds?: readonly string[];
};

/**
 * One SKU at one node. `available` is what the order's channel may still take from this node
 * (the caller has already applied channel ATS); `displayMin` is what a store keeps on the shelf.
 */
export type SkuStock = { available: number; displayMin: number; onHand: number };

/** A node that may fulfil the order, with the facts routing decides on. Money in fen. */
export type CandidateNode = {
  id: string;
  code: string;
  name: string;
  type: NodeType;
  lat: number;
  lng: number;
  shipsExpress: boolean;
  offersPickup: boolean;
  offersSameCity: boolean;
  sameCityRadiusKm: number;
  dailyCapacity: number;
  shipmentsToday: number;
  costPerShipment: number;
  costPerKm: number;
  stock: Readonly<Record<string, SkuStock>>;
};

/** An admin-configured rule, as stored (params are validated by `parseRules`). */
export type RoutingRule = {
  id?: string;
  kind: RoutingRuleKind;
  mode: RoutingRuleMode;
  method?: FulfilmentMethod | null;
  weight: number;
  position: number;
  enabled: boolean;
  params: unknown;
};

/** Units of some lines that one node sends. */
export type Assignment = {
  nodeId: string;
  lines: RoutingLine[];
  /** Set when the node ships these units to a pickup store instead of to the customer. */
  shipToNodeId?: string;
};

/**
 * A sentence the UI can render in any language: a message key and its parameters. A parameter
 * may itself be a message (render it first), so that no sentence is glued from fragments.
 */
export type MessagePart = { key: string; params: Record<string, MessageParam> };

/** One parameter of a message. */
export type MessageParam = string | number | MessagePart;

/** Why the routing refused. */
export type RefusalCode =
  | "INVALID_REQUEST"
  | "INVALID_RULES"
  | "UNKNOWN_STORE"
  | "PICKUP_NOT_AVAILABLE"
  | "OUTSIDE_DELIVERY_RADIUS"
  | "NO_NODE_CAN_FILL"
  | "SPLIT_LIMIT";

/** Where one SKU can be found, for a refusal that says what is available where. */
export type SkuAvailability = {
  skuId: string;
  requested: number;
  /** Units the eligible nodes together could send. */
  eligibleTotal: number;
  nodes: {
    nodeId: string;
    code: string;
    name: string;
    quantity: number;
    distanceKm: number;
    /** Why this node cannot take the order, when it cannot. */
    excludedBecause?: string;
  }[];
};

/** Another way to get the order: another method, or a store nearby that has everything. */
export type Alternative =
  | {
      kind: "METHOD";
      method: FulfilmentMethod;
      nodeIds: string[];
      costFen: number;
      message: MessagePart;
    }
  | {
      kind: "PICKUP_STORE";
      nodeId: string;
      code: string;
      name: string;
      distanceKm: number;
      message: MessagePart;
    };
