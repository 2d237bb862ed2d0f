import type { Prisma } from "@/lib/generated/prisma/client";
import { buildAssortment } from "./assortment";
import { buildCatalogue, type Catalogue } from "./catalogue";
import { buildChannels, type Channels } from "./channels";
import { buildEmployeeHistory, type EmployeeHistory } from "./employee-orders";
import { planHistory } from "./history-plan";
import { buildHistoryRows, type HistoryRows } from "./history-rows";
import { buildMembership, type MembershipRows } from "./membership";
import { buildNodes } from "./nodes";
import { buildOrganizations } from "./organisations";
import { buildPeople, type People } from "./people";
import { buildRoutingRules } from "./routing-rules";
import { buildStock, type StockEntry } from "./stock";

/** Every row of the demo brand, ready to insert. */
export type SeedData = {
  organizations: Prisma.OrganizationCreateManyInput[];
  catalogue: Catalogue;
  nodes: Prisma.NodeCreateManyInput[];
  channels: Channels;
  routingRules: Prisma.RoutingRuleCreateManyInput[];
  people: People;
  membership: MembershipRows;
  history: HistoryRows;
  /** The demo employees' past orders (inside `history`) and the quota usage they consumed. */
  employeeUsage: Pick<EmployeeHistory, "usages" | "skuUsages">;
  stock: StockEntry[];
};

/**
 * Builds the whole demo brand in memory. Apart from timestamps (relative to `now`) the output is
 * the same on every run, which is what makes the seed safe to run again.
 */
export function buildSeedData(options: { now: Date; passwordHash: string }): SeedData {
  const { now, passwordHash } = options;
  const catalogue = buildCatalogue(now);
  const nodes = buildNodes();
  const assortment = buildAssortment(catalogue.stocked, nodes.facts);
  const people = buildPeople(nodes.facts, passwordHash);
  const plans = planHistory({ members: people.members, nodes: nodes.facts, assortment });
  const memberHistory = buildHistoryRows(plans, now);
  const employeeHistory = buildEmployeeHistory({
    employees: people.employees.map((e) => ({
      id: e.id ?? "",
      userId: e.userId,
      name: String(people.users.find((u) => u.id === e.userId)?.name ?? ""),
    })),
    nodes: nodes.facts,
    assortment,
    now,
  });
  const history = mergeHistory(memberHistory, employeeHistory.rows);
  return {
    organizations: buildOrganizations(),
    catalogue,
    nodes: nodes.rows,
    channels: buildChannels(catalogue),
    routingRules: buildRoutingRules(),
    people,
    membership: buildMembership(people.members, plans, now),
    history,
    employeeUsage: { usages: employeeHistory.usages, skuUsages: employeeHistory.skuUsages },
    stock: buildStock({ nodes: nodes.facts, assortment, sales: history.sales, now }),
  };
}

function mergeHistory(a: HistoryRows, b: HistoryRows): HistoryRows {
  return {
    orders: [...a.orders, ...b.orders],
    orderLines: [...a.orderLines, ...b.orderLines],
    fulfilmentOrders: [...a.fulfilmentOrders, ...b.fulfilmentOrders],
    fulfilmentLines: [...a.fulfilmentLines, ...b.fulfilmentLines],
    fulfilmentEvents: [...a.fulfilmentEvents, ...b.fulfilmentEvents],
    payments: [...a.payments, ...b.payments],
    settlementEntries: [...a.settlementEntries, ...b.settlementEntries],
    // Employee orders come from no marketplace: the history's events stay in time order.
    channelOrderEvents: [...a.channelOrderEvents, ...b.channelOrderEvents],
    sales: [...a.sales, ...b.sales],
  };
}
