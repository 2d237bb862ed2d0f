import { getLocale, getTranslations } from "next-intl/server";
import { NodeActiveButton, NodeForm } from "@/components/admin/nodes/node-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { QueryLink } from "@/components/ui/query-link";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { localized } from "@/lib/i18n/localized";
import { listNodeOwners, listNodes } from "@/lib/nodes/list-nodes.server";
import { readSearchParam, type RawParam } from "@/lib/validation/route-params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, RawParam>> };

export default async function AdminNodes({ searchParams }: Props) {
  await requirePageRole(["ADMIN"], "/admin/nodes");
  const query = await searchParams;
  const editId = readSearchParam(query.edit);
  const creating = readSearchParam(query.new) !== undefined;
  const db = await getDb();
  const [t, locale, nodes, owners] = await Promise.all([
    getTranslations("stock.nodes"),
    getLocale(),
    listNodes(db),
    listNodeOwners(db),
  ]);
  const edited = editId ? (nodes.find((n) => n.id === editId) ?? null) : null;

  return (
    <div className="space-y-4">
      <PageTitle title={t("title")} subtitle={t("subtitle")} />
      <ClientMessages namespaces={["stock"]}>
        {edited || creating ? (
          <section className="space-y-2">
            <div className="flex items-center gap-4">
              <h2 className="font-bold">
                {edited ? t("editTitle", { code: edited.code }) : t("createTitle")}
              </h2>
              <QueryLink href="/admin/nodes" className="text-sm underline">
                {t("cancel")}
              </QueryLink>
            </div>
            <NodeForm
              key={edited?.fingerprint ?? "new"}
              node={edited}
              owners={owners.map((o) => ({ id: o.id, label: localized(locale, o) }))}
            />
          </section>
        ) : (
          <QueryLink
            href="/admin/nodes?new=1"
            className="inline-block text-sm font-medium underline"
          >
            {t("create")}
          </QueryLink>
        )}
        <div className="overflow-x-auto">
          <table
            className="w-full text-sm [&_td]:px-2 [&_th]:px-2 [&_th]:align-bottom"
            data-testid="admin-nodes"
          >
            <thead className="text-left text-stone-500">
              <tr>
                <th className="py-2">{t("code")}</th>
                <th>{t("name")}</th>
                <th>{t("type")}</th>
                <th>{t("cityZh")}</th>
                <th>
                  {t("latitude")} / {t("longitude")}
                </th>
                <th>{t("capabilities")}</th>
                <th className="text-right">{t("capacity")}</th>
                <th className="text-right">{t("costPerShipment")}</th>
                <th className="text-right">{t("costPerKm")}</th>
                <th>{t("owner")}</th>
                <th className="text-right">{t("openTasks")}</th>
                <th>{t("status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => (
                <tr
                  key={n.id}
                  className={`border-t border-stone-100 ${n.active ? "" : "text-stone-400"}`}
                  data-testid={`node-${n.code}`}
                >
                  <td className="py-2 font-mono text-xs">{n.code}</td>
                  <td>{localized(locale, n)}</td>
                  <td>{t(`types.${n.type}`)}</td>
                  <td>{localized(locale, { name: n.city, nameZh: n.cityZh })}</td>
                  <td className="tabular-nums">
                    {n.latitude.toFixed(4)}, {n.longitude.toFixed(4)}
                  </td>
                  <td>
                    {[
                      n.shipsExpress ? t("shipsExpress") : null,
                      n.offersPickup ? t("offersPickup") : null,
                      n.offersSameCity
                        ? `${t("offersSameCity")} ${t("radiusValue", { km: n.sameCityRadiusKm })}`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" · ") || "—"}
                  </td>
                  <td className="text-right tabular-nums">{n.dailyCapacity}</td>
                  <td className="text-right tabular-nums">{n.costPerShipment}</td>
                  <td className="text-right tabular-nums">{n.costPerKm}</td>
                  <td>
                    {localized(locale, { name: n.organizationName, nameZh: n.organizationNameZh })}
                  </td>
                  <td className="text-right tabular-nums">{n.openTasks}</td>
                  <td data-testid="node-status">{n.active ? t("active") : t("inactive")}</td>
                  <td className="space-x-2 whitespace-nowrap pl-3">
                    <QueryLink
                      href={`/admin/nodes?edit=${encodeURIComponent(n.id)}`}
                      className="underline"
                    >
                      {t("edit")}
                    </QueryLink>
                    <NodeActiveButton node={n} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ClientMessages>
    </div>
  );
}
