import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrderTable } from "@/components/account/order-table";
import { PageTitle, Stat } from "@/components/ui/card";
import { findMemberOf } from "@/lib/members/member.server";
import { listOrdersOf } from "@/lib/account/order-history.server";
import { loadPoints } from "@/lib/account/points.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { listMemberCoupons } from "@/lib/coupons/list-coupons.server";
import { getDb } from "@/lib/db/client.server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

const TIERS = new Set(["REGULAR", "SILVER", "GOLD"]);

/** The consumer's home: points, usable coupons, recent orders. */
export default async function AccountPage() {
  const user = await requirePageRole(["CONSUMER"], "/account");
  const db = await getDb();
  const [t, points, orders, member] = await Promise.all([
    getTranslations("account"),
    loadPoints(db, { userId: user.id, take: 0 }),
    listOrdersOf(db, { userId: user.id, take: 5 }),
    findMemberOf(db, user.id),
  ]);
  const coupons = member ? await listMemberCoupons(db, { memberId: member.id }) : [];
  return (
    <div className="space-y-8">
      <PageTitle
        title={t("title")}
        subtitle={
          points.memberNo ? t("overview.memberNo", { memberNo: points.memberNo }) : undefined
        }
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("overview.pointsBalance")} value={points.balance} testId="points-balance" />
        <Stat
          label={t("overview.usableCoupons")}
          value={coupons.filter((c) => c.status === "CLAIMED").length}
        />
        {points.tier ? (
          <Stat
            label={t("overview.tier")}
            value={
              TIERS.has(points.tier) ? t(`overview.tiers.${points.tier as "REGULAR"}`) : points.tier
            }
          />
        ) : null}
      </div>
      <section aria-labelledby="recent-orders" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="recent-orders" className="text-lg font-bold">
            {t("overview.recentOrders")}
          </h2>
          <Link href="/account/orders" className="text-sm underline">
            {t("overview.allOrders")}
          </Link>
        </div>
        <OrderTable orders={orders} />
      </section>
    </div>
  );
}
