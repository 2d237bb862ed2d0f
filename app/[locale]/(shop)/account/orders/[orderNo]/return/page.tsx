import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReturnForm } from "@/components/account/return-form";
import { PageTitle } from "@/components/ui/card";
import { loadReturnForm } from "@/lib/account/order-history.server";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { isAppError } from "@/lib/errors/app-error";
import { localized } from "@/lib/i18n/localized";
import { cleanParam, readRouteParam } from "@/lib/validation/route-params";

type Props = { params: Promise<{ orderNo: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ orderNo }, t] = await Promise.all([params, getTranslations("account.returnForm")]);
  return { title: t("title", { orderNo: cleanParam(orderNo, { decode: true }) ?? "" }) };
}

/** Request a return of some items of a delivered or collected order. */
export default async function RequestReturnPage({ params }: Props) {
  const orderNo = readRouteParam((await params).orderNo, { decode: true });
  const user = await requirePageRole(
    ["CONSUMER"],
    `/account/orders/${encodeURIComponent(orderNo)}/return`,
  );
  const [t, locale] = await Promise.all([getTranslations("account.returnForm"), getLocale()]);
  const form = await loadReturnForm(await getDb(), { userId: user.id, orderNo }).catch(
    (error: unknown) => {
      // Someone else's order looks exactly like a missing one.
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    },
  );
  const lines = form.lines.map((l) => ({
    orderLineId: l.orderLineId,
    name: `${localized(locale, { name: l.productName, nameZh: l.productNameZh })} · ${localized(locale, { name: l.color, nameZh: l.colorZh })} · ${l.size}`,
    bought: l.bought,
    returnable: l.returnable,
  }));
  return (
    <div className="max-w-2xl">
      <PageTitle title={t("title", { orderNo })} />
      {!form.returnable ? (
        <p className="text-stone-600">{t("notYet")}</p>
      ) : lines.every((l) => l.returnable === 0) ? (
        <p className="text-stone-600">{t("nothingLeft")}</p>
      ) : (
        <ReturnForm orderNo={orderNo} lines={lines} />
      )}
    </div>
  );
}
