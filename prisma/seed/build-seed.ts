import type { Prisma } from "@/lib/generated/prisma/client";
import { buildAssortment } from "./assortment";
import { buildCatalogue, type Catalogue } from "./catalogue";
import { buildChannels, type Channels } from "./channels";
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
  const history = buildHistoryRows(plans, now);
  return {
    organizations: buildOrganizations(),
    catalogue,
    nodes: nodes.rows,
    channels: buildChannels(catalogue),
    routingRules: buildRoutingRules(),
    people,
    membership: buildMembership(people.members, plans, now),
    history,
    stock: buildStock({ nodes: nodes.facts, assortment, sales: history.sales, now }),
  };
}
