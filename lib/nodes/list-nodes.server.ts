import "server-only";
import type { Db } from "@/lib/db/transaction.server";
import { nodeFingerprint } from "./node-fingerprint.server";
import { nodeFacts, type NodeFacts } from "./node-input";

/** A node as the console lists and edits it. */
export type NodeView = NodeFacts & {
  id: string;
  fingerprint: string;
  organizationName: string;
  organizationNameZh: string;
  /** Fulfilment tasks at the node not yet finished. */
  openTasks: number;
};

const CLOSED_TASKS = ["DELIVERED", "PICKED_UP", "CANCELLED", "REJECTED"] as const;

/** Every node, active first, then by code, with its owner and open task count. */
export async function listNodes(db: Db): Promise<NodeView[]> {
  const [nodes, tasks] = await Promise.all([
    db.node.findMany({
      orderBy: [{ active: "desc" }, { code: "asc" }],
      include: { organization: { select: { name: true, nameZh: true } } },
    }),
    db.fulfilmentOrder.groupBy({
      by: ["nodeId"],
      where: { status: { notIn: [...CLOSED_TASKS] } },
      _count: { _all: true },
    }),
  ]);
  const open = new Map(tasks.map((t) => [t.nodeId, t._count._all]));
  return nodes.map((n) => ({
    ...nodeFacts(n),
    id: n.id,
    fingerprint: nodeFingerprint(n),
    organizationName: n.organization.name,
    organizationNameZh: n.organization.nameZh,
    openTasks: open.get(n.id) ?? 0,
  }));
}

/** Organisations a node can belong to, by name. */
export async function listNodeOwners(db: Db) {
  return db.organization.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameZh: true },
  });
}
