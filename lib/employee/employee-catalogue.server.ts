import "server-only";
import { computeChannelAts } from "@/lib/allocation/compute-channel-ats.server";
import type { Db } from "@/lib/db/transaction.server";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  EMPLOYEE_CHANNEL_CODE,
  filterStyles,
  offeredCategories,
  offeredStyles,
  summarizeStyle,
  type ChannelOffer,
  type EmployeeCategory,
  type EmployeeFilters,
  type EmployeeSku,
  type EmployeeStyle,
  type EmployeeStyleSummary,
  type StyleRow,
} from "./employee-catalogue";
import {
  employeeSkuPrices,
  loadEmployeePolicy,
  type EmployeePolicy,
} from "./employee-prices.server";
import { quotaPeriodKey, quotaRemaining } from "./quota";

// What employees may buy is read live on every request: the employee channel's allocation and
// stock change under the page, and the cart and checkout decide again on fresh stock anyway.

/** computeChannelAts takes at most this many SKUs per call. */
const ATS_BATCH = 5_000;

type Options = {
  userId: string;
  /** The channel whose allocation decides the offer; the EMPLOYEE channel unless a test says otherwise. */
  channelCode?: string;
};

export type EmployeeListing = {
  /** Styles meeting the filters, in style code order. */
  styles: EmployeeStyleSummary[];
  /** Filter choices over everything on offer, whatever the filters. */
  categories: EmployeeCategory[];
  /** Every SKU on offer, whatever the filters: the size filter's choices. */
  offeredSkus: EmployeeSku[];
};

export type EmployeeProduct = {
  style: EmployeeStyle;
  maxPerSku: number;
  /** Units the employee may still buy this period, all items together. */
  unitsLeft: number;
  /** Units of each of the style's SKUs the employee bought this period (absent: none). */
  usedBySku: Map<string, number>;
};

/** The employee listing: styles with at least one SKU the employee channel lists, filtered. */
export async function listEmployeeCatalogue(
  db: Db,
  { filters, ...options }: Options & { filters: EmployeeFilters },
): Promise<EmployeeListing> {
  const { styles } = await readOffer(db, options, {});
  return {
    styles: filterStyles(styles, filters).map(summarizeStyle),
    categories: offeredCategories(styles),
    offeredSkus: styles.flatMap((s) => s.skus),
  };
}

/**
 * One style with the SKUs the employee channel lists, what it can sell of each now and what the
 * employee's quota leaves this period; null when the style is unknown or the channel lists none
 * of it.
 */
export async function getEmployeeProduct(
  db: Db,
  { styleCode, now, ...options }: Options & { styleCode: string; now: Date },
): Promise<EmployeeProduct | null> {
  const { styles, policy } = await readOffer(db, options, {
    styleCode: { equals: styleCode, mode: "insensitive" },
  });
  const style = styles[0];
  if (!style) return null;
  const periodKey = quotaPeriodKey(now, policy.period);
  const where = { employeeId: policy.employeeId, periodKey };
  const [usage, skuUsage] = await Promise.all([
    db.employeeQuotaUsage.findUnique({ where: { employeeId_periodKey: where } }),
    db.employeeQuotaSkuUsage.findMany({
      where: { ...where, skuId: { in: style.skus.map((s) => s.id) } },
      select: { skuId: true, unitsUsed: true },
    }),
  ]);
  return {
    style,
    maxPerSku: policy.limits.maxPerSku,
    unitsLeft: quotaRemaining(policy.limits, usage).units,
    usedBySku: new Map(skuUsage.map((u) => [u.skuId, u.unitsUsed])),
  };
}

async function readOffer(
  db: Db,
  { userId, channelCode = EMPLOYEE_CHANNEL_CODE }: Options,
  where: Prisma.ProductWhereInput,
): Promise<{ styles: EmployeeStyle[]; policy: EmployeePolicy }> {
  const [policy, channel, products] = await Promise.all([
    loadEmployeePolicy(db, { userId }),
    db.channel.findUnique({ where: { code: channelCode }, select: { id: true } }),
    db.product.findMany({
      where,
      orderBy: { styleCode: "asc" },
      include: {
        category: { select: { slug: true, name: true, nameZh: true } },
        skus: { orderBy: [{ sizeOrder: "asc" }, { skuCode: "asc" }] },
      },
    }),
  ]);
  const rows: StyleRow[] = products.map((p) => ({
    id: p.id,
    styleCode: p.styleCode,
    name: p.name,
    nameZh: p.nameZh,
    description: p.description,
    descriptionZh: p.descriptionZh,
    categorySlug: p.category.slug,
    categoryName: p.category.name,
    categoryNameZh: p.category.nameZh,
    imagePath: p.imagePath,
    skus: p.skus.map((s) => ({
      id: s.id,
      skuCode: s.skuCode,
      color: s.color,
      colorZh: s.colorZh,
      colorHex: s.colorHex,
      size: s.size,
      sizeOrder: s.sizeOrder,
      isBundle: s.isBundle,
      listPrice: s.listPrice ?? p.listPrice,
    })),
  }));
  const skuIds = rows.flatMap((r) => r.skus.map((s) => s.id));
  if (!channel || skuIds.length === 0) return { styles: [], policy };

  const offers = new Map<string, ChannelOffer>();
  for (let i = 0; i < skuIds.length; i += ATS_BATCH) {
    for (const sku of await computeChannelAts(db, { skuIds: skuIds.slice(i, i + ATS_BATCH) })) {
      const mine = sku.channels.find((c) => c.channelId === channel.id);
      if (mine) offers.set(sku.skuId, { listed: mine.listed, ats: mine.ats });
    }
  }
  const listedIds = [...offers.entries()].filter(([, o]) => o.listed).map(([id]) => id);
  const prices =
    listedIds.length === 0
      ? new Map<string, number>()
      : await employeeSkuPrices(db, policy.discountBps, listedIds);
  return { styles: offeredStyles(rows, offers, prices), policy };
}
