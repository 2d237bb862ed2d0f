import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateStyleForm } from "@/components/admin/products/create-style-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { PageTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listCategories } from "@/lib/products/list-styles.server";

export const dynamic = "force-dynamic";

export default async function NewStyle() {
  await requirePageRole(["ADMIN"], "/admin/products/new");
  const [t, locale, categories] = await Promise.all([
    getTranslations("products"),
    getLocale(),
    listCategories(await getDb()),
  ]);
  const zh = locale.startsWith("zh");
  return (
    <div className="space-y-4">
      <Link href="/admin/products" className="text-sm underline">
        {t("back")}
      </Link>
      <PageTitle title={t("newStyle")} subtitle={t("skusHint")} />
      <ClientMessages namespaces={["products"]}>
        <CreateStyleForm
          categories={categories.map((c) => ({ slug: c.slug, label: zh ? c.nameZh : c.name }))}
        />
      </ClientMessages>
    </div>
  );
}
