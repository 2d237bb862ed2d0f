import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Notice } from "@/components/ui/notice";
import { HOME_OF_ROLE } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session.server";
import { SignInForm } from "./sign-in-form";

// Only same-site paths are followed after sign-in, never another host.
const callbackSchema = z
  .string()
  .regex(/^\/(?!\/)[\w\-/?=&.%]*$/)
  .catch("");

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = callbackSchema.parse(params.callbackUrl);
  const user = await getSessionUser();
  if (user && !callbackUrl) redirect(HOME_OF_ROLE[user.role]);
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("subtitle")}</p>
      {user ? (
        // Part of the page as it loads, so nothing to announce.
        <Notice tone="warning" role={null} className="mt-4">
          {t("switchAccount", { name: user.name })}
        </Notice>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
