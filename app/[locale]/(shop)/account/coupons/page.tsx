import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClaimCouponButton } from "@/components/account/claim-coupon-button";
import { CouponTerms } from "@/components/account/coupon-terms";
import { PageTitle } from "@/components/ui/card";
import { findMemberOf } from "@/lib/members/member.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { listClaimableCoupons, listMemberCoupons } from "@/lib/coupons/list-coupons.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("coupons.title") };
}

/** Coupons to claim now and the shopper's own: ready to use, used, expired. */
export default async function CouponsPage() {
  const user = await requirePageRole(["CONSUMER"], "/account/coupons");
  const db = await getDb();
  const member = await findMemberOf(db, user.id);
  const [t, locale, claimable, mine] = await Promise.all([
    getTranslations("account.coupons"),
    getLocale(),
    listClaimableCoupons(db, { memberId: member?.id ?? null }),
    member ? listMemberCoupons(db, { memberId: member.id }) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-8">
      <PageTitle title={t("title")} />
      <section aria-labelledby="claimable" className="space-y-3">
        <h2 id="claimable" className="text-lg font-bold">
          {t("claimable")}
        </h2>
        {claimable.length === 0 ? (
          <p className="text-stone-600">{t("noneClaimable")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {claimable.map((c) => {
              const name = localized(locale, c);
              return (
                <li
                  key={c.code}
                  className="flex items-start justify-between gap-3 rounded-xl border border-dashed border-brand bg-white p-4"
                  data-testid="claimable-coupon"
                >
                  <div className="space-y-1">
                    <p className="font-semibold">{name}</p>
                    <CouponTerms {...c} />
                  </div>
                  <ClaimCouponButton
                    code={c.code}
                    name={name}
                    unavailable={
                      c.canClaim ? null : t(`cannotClaim.${c.reason ?? "LIMIT_REACHED"}`)
                    }
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="mine" className="space-y-3">
        <h2 id="mine" className="text-lg font-bold">
          {t("mine")}
        </h2>
        {mine.length === 0 ? (
          <p className="text-stone-600">{t("noneMine")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("mine")}>
            {mine.map((c) => (
              <li
                key={c.id}
                className={`rounded-xl border bg-white p-4 ${c.status === "CLAIMED" ? "border-stone-300" : "border-stone-200 opacity-60"}`}
                data-testid="my-coupon"
              >
                <div className="flex items-start justify-between gap-2">
                  <p className="font-semibold">{localized(locale, c)}</p>
                  <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium">
                    {t(`status.${c.status}`)}
                  </span>
                </div>
                <CouponTerms {...c} />
                <p className="mt-1 text-sm">
                  {t("code")}: <span className="font-mono font-semibold">{c.code}</span>
                </p>
                {c.orderNo ? (
                  <p className="text-xs text-stone-500">{t("usedOn", { orderNo: c.orderNo })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
