import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { formOrNotFound, ReturnRequest } from "@/components/account/return-request";
import { loadReturnForm } from "@/lib/account/order-history.server";
import { getDb } from "@/lib/db/client.server";
import { requirePageRole } from "@/lib/auth/session.server";
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
  const form = await formOrNotFound(loadReturnForm(await getDb(), { userId: user.id, orderNo }));
  return <ReturnRequest form={form} orderNo={orderNo} returnsHref="/account/returns" />;
}
