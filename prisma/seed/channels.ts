import { demoFeedToken, hashToken } from "@/lib/feed/feed-token";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChannelKind } from "@/lib/generated/prisma/enums";
import type { Catalogue } from "./catalogue";
import { categoryId } from "./categories";
import { BRAND_ORG, organizationId } from "./organisations";

/** The channel's row id. */
export const channelId = (code: string): string => `ch_${code}`;

export type ChannelCode =
  "WEB" | "MINI" | "STORE_O2O" | "TMALL" | "JD" | "DOUYIN" | "EMPLOYEE" | "OUTLET";

type ChannelSpec = {
  code: ChannelCode;
  kind: ChannelKind;
  name: string;
  nameZh: string;
  org: string;
};

// In priority order: the brand's own channels are served first when stock is protected.
const CHANNELS: readonly ChannelSpec[] = [
  { code: "WEB", kind: "WEB", name: "Official Web Store", nameZh: "官方网上商城", org: BRAND_ORG },
  {
    code: "MINI",
    kind: "MINI_PROGRAM",
    name: "WeChat Mini-Program",
    nameZh: "微信小程序商城",
    org: BRAND_ORG,
  },
  {
    code: "STORE_O2O",
    kind: "STORE_O2O",
    name: "Store O2O Pool",
    nameZh: "门店O2O",
    org: BRAND_ORG,
  },
  {
    code: "TMALL",
    kind: "TMALL",
    name: "Tmall Flagship Store",
    nameZh: "天猫旗舰店",
    org: "MP-TMALL",
  },
  { code: "JD", kind: "JD", name: "JD Flagship Store", nameZh: "京东旗舰店", org: "MP-JD" },
  {
    code: "DOUYIN",
    kind: "DOUYIN",
    name: "Douyin Live Shop",
    nameZh: "抖音直播间",
    org: "MP-DOUYIN",
  },
  {
    code: "EMPLOYEE",
    kind: "EMPLOYEE",
    name: "Employee Purchase",
    nameZh: "员工内购",
    org: BRAND_ORG,
  },
  {
    code: "OUTLET",
    kind: "OUTLET",
    name: "Outlet & Live Clearance",
    nameZh: "奥莱及直播清仓",
    org: BRAND_ORG,
  },
];

/** The organisation that books a channel's sales credits. */
export function channelOrganizationId(code: ChannelCode): string {
  const spec = CHANNELS.find((c) => c.code === code);
  if (!spec) throw new Error(`unknown channel ${code}`);
  return organizationId(spec.org);
}

/** Outlet price of a clearance SKU: about 55 % of list, ending in 9 yuan. */
export function outletPrice(listPrice: number): number {
  return (Math.round((listPrice * 0.55) / 1000) * 10 - 1) * 100;
}

export type Channels = {
  channels: Prisma.ChannelCreateManyInput[];
  prices: Prisma.ChannelPriceCreateManyInput[];
  policies: Prisma.AllocationPolicyCreateManyInput[];
  tierRules: Prisma.TierSwitchRuleCreateManyInput[];
};

type PolicyInput = Omit<Prisma.AllocationPolicyCreateManyInput, "id" | "channelId">;

function policy(
  channel: ChannelCode,
  key: string,
  input: PolicyInput,
): Prisma.AllocationPolicyCreateManyInput {
  return { id: `ap_${channel}_${key}`, channelId: channelId(channel), ...input };
}

// Live streams push a handful of hero SKUs with a fixed allotment each.
const DOUYIN_FIXED_UNITS = 40;
const DOUYIN_HERO_SKUS = 4;

/** The eight sales channels, their allocation policies, outlet prices and tier-switch rules. */
export function buildChannels(catalogue: Catalogue): Channels {
  const channels = CHANNELS.map((c, i) => ({
    id: channelId(c.code),
    code: c.code,
    name: c.name,
    nameZh: c.nameZh,
    kind: c.kind,
    priority: i + 1,
    organizationId: organizationId(c.org),
    // Demo connectors read each channel's stock feed with `feed-demo-<code>`; only the hash is stored.
    feedTokenHash: hashToken(demoFeedToken(c.code)),
  }));
  const clearance = catalogue.stocked.filter((s) => s.lifecycle === "CLEARANCE");
  const prices = clearance.map((s) => ({
    channelId: channelId("OUTLET"),
    skuId: s.id,
    price: outletPrice(s.listPrice),
  }));
  const heroes = catalogue.stocked
    .filter((s) => s.lifecycle === "IN_SEASON")
    .sort((a, b) => b.demand - a.demand || a.skuCode.localeCompare(b.skuCode))
    .slice(0, DOUYIN_HERO_SKUS);
  const policies = [
    policy("WEB", "ALL", { scope: "ALL", mode: "SHARED", safetyBuffer: 1 }),
    policy("MINI", "ALL", { scope: "ALL", mode: "SHARED", safetyBuffer: 1 }),
    policy("STORE_O2O", "ALL", { scope: "ALL", mode: "SHARED" }),
    policy("TMALL", "ALL", { scope: "ALL", mode: "RATIO", ratioBps: 3000, safetyBuffer: 2 }),
    policy("JD", "ALL", { scope: "ALL", mode: "RATIO", ratioBps: 2000, safetyBuffer: 2 }),
    // JD's basketball audience is strong, so it gets a bigger share of basketball shoes.
    policy("JD", "CATEGORY_basketball-shoes", {
      scope: "CATEGORY",
      categoryId: categoryId("basketball-shoes"),
      mode: "RATIO",
      ratioBps: 3000,
      safetyBuffer: 2,
    }),
    policy("DOUYIN", "ALL", { scope: "ALL", mode: "RATIO", ratioBps: 1000, safetyBuffer: 1 }),
    ...heroes.map((s) =>
      policy("DOUYIN", `SKU_${s.skuCode}`, {
        scope: "SKU",
        skuId: s.id,
        mode: "FIXED",
        fixedQty: DOUYIN_FIXED_UNITS,
      }),
    ),
    // Employees buy clearance stock only: nothing at ALL scope, the whole pool for CLEARANCE.
    policy("EMPLOYEE", "ALL", { scope: "ALL", mode: "FIXED", fixedQty: 0 }),
    policy("EMPLOYEE", "LIFECYCLE_CLEARANCE", {
      scope: "LIFECYCLE",
      lifecycle: "CLEARANCE",
      mode: "SHARED",
    }),
    policy("OUTLET", "ALL", { scope: "ALL", mode: "FIXED", fixedQty: 0 }),
    policy("OUTLET", "LIFECYCLE_CLEARANCE", {
      scope: "LIFECYCLE",
      lifecycle: "CLEARANCE",
      mode: "RATIO",
      ratioBps: 5000,
    }),
  ];
  const tierRules: Prisma.TierSwitchRuleCreateManyInput[] = [
    { id: "tsr_ALL", scope: "ALL", threshold: 500, strategy: "PRIORITY" },
    // Running shoes have long size runs, so each size thins out sooner: protect them earlier.
    {
      id: "tsr_CATEGORY_running-shoes",
      scope: "CATEGORY",
      categoryId: categoryId("running-shoes"),
      threshold: 300,
      strategy: "POLICY",
    },
  ];
  return { channels, prices, policies, tierRules };
}
