import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReturnForm } from "@/components/account/return-form";
import { PageTitle } from "@/components/ui/card";
import type { loadReturnForm } from "@/lib/account/order-history.server";
import { isAppError } from "@/lib/errors/app-error";
import { localized } from "@/lib/i18n/localized";

type LoadedForm = Awaited<ReturnType<typeof loadReturnForm>>;

/** The buyer's return form, or the not-found page for an order that is not theirs. */
export function formOrNotFound(loading: Promise<LoadedForm>): Promise<LoadedForm> {
  return loading.catch((error: unknown) => {
    // Someone else's order looks exactly like a missing one.
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

/**
 * Asking to return items of one's own delivered or collected order: the same page for a member
 * (account) and an employee (employee store), each under their own area's role check.
 */
export async function ReturnRequest({
  form,
  orderNo,
  returnsHref,
}: {
  form: LoadedForm;
  orderNo: string;
  returnsHref: string;
}) {
  const [t, locale] = await Promise.all([getTranslations("account.returnForm"), getLocale()]);
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
        <ReturnForm orderNo={orderNo} lines={lines} returnsHref={returnsHref} />
      )}
    </div>
  );
}
