import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import type { TransferView } from "@/lib/transfers/list-transfers.server";

/** A transfer's lines: SKU, item, quantity shipped, and once counted in, received and short. */
export async function TransferLinesTable({ transfer }: { transfer: TransferView }) {
  const [t, locale] = await Promise.all([getTranslations("transfers.list"), getLocale()]);
  const counted = transfer.status === "RECEIVED";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="transfer-lines">
        <thead className="text-left text-stone-500">
          <tr>
            <th className="py-1">{t("sku")}</th>
            <th>{t("item")}</th>
            <th className="text-right">{t("quantity")}</th>
            {counted && <th className="text-right">{t("received")}</th>}
            {counted && <th className="text-right">{t("short")}</th>}
          </tr>
        </thead>
        <tbody>
          {transfer.lines.map((l) => (
            <tr key={l.id} className="border-t border-stone-100" data-testid={`line-${l.skuCode}`}>
              <td className="py-1 font-mono text-xs">{l.skuCode}</td>
              <td>
                {localized(locale, { name: l.product, nameZh: l.productZh })} ·{" "}
                {localized(locale, { name: l.colour, nameZh: l.colourZh })} · {l.size}
              </td>
              <td className="text-right tabular-nums" data-testid="line-quantity">
                {l.quantity}
              </td>
              {counted && (
                <td className="text-right tabular-nums" data-testid="line-received">
                  {l.receivedQty ?? "—"}
                </td>
              )}
              {counted && (
                <td
                  className={`text-right tabular-nums ${(l.shortBy ?? 0) > 0 ? "font-bold text-red-700" : ""}`}
                  data-testid="line-short"
                >
                  {l.shortBy ?? "—"}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
